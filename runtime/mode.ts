/**
 * Debug or release, fixed once per process as refcount_t's behaviour is fixed per kernel build.
 *
 * Release (`NODE_ENV=production`) shares one handle per value, skips per-handle checks and
 * carries on after misuse with a warning; debug gives every clone its own handle and throws.
 */
export const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;

export const releaseMode: boolean = env?.NODE_ENV === "production";
