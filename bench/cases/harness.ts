// Shared by the benchmark cases: timing through mitata's `measure`, bytes allocated per operation,
// and a JSON line per figure on stdout for bench/run.mjs to collect.
import { measure } from "mitata";

const smoke = process.env.BENCH_SMOKE === "1";

/** Median nanoseconds per operation of `fn`, where one call of `fn` performs `ops` operations. */
export async function nsPerOp(fn: () => void, ops = 1): Promise<number> {
  const stats = await measure(fn, smoke ? { min_cpu_time: 1e6, min_samples: 2, max_samples: 3 } : { min_cpu_time: 300e6, min_samples: 12 });
  return stats.p50 / ops;
}

/**
 * Bytes allocated per operation: heap growth over `ops` operations with a young generation large
 * enough that no GC runs meanwhile (needs `--expose-gc --max-semi-space-size=256`). The least of
 * five samples: a background compile finishing during a sample adds its code to the heap.
 */
export function bytesPerOp(fn: () => void, ops: number): number {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    (globalThis as { gc?: () => void }).gc!();
    const before = process.memoryUsage().heapUsed;
    fn();
    samples.push((process.memoryUsage().heapUsed - before) / ops);
  }
  return Math.max(0, Math.min(...samples));
}

/** Reports one figure: ours and the baseline in ns (or bytes), measured in this same process. */
export function report(figure: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(figure) + "\n");
}

export { smoke };
