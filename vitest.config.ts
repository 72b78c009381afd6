import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Example modules imported by tests use the runtime's source, so one runtime instance is loaded.
  resolve: { alias: { "ts-smart-pointer": fileURLToPath(new URL("./runtime/index.ts", import.meta.url)) } },
  test: {
    include: ["test/**/*.test.ts"],
    // Tests write user projects there, some with test files of their own (run by their own vitest).
    exclude: ["test/.out/**", "**/node_modules/**"],
    testTimeout: 60_000,
    coverage: {
      provider: "v8",
      // The plugin too: its tests run it in this process (the CLI's run in a child process).
      include: ["runtime/**/*.ts", "transformer/**/*.ts"],
      exclude: ["test/**"],
      reporter: ["text-summary", "text"],
      thresholds: { lines: 95 },
    },
  },
});
