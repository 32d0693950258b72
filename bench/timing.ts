/**
 * CPU-time measurement for the bench. Wall clocks on a shared machine count other processes'
 * turns; process.cpuUsage() counts only this process's (user + system, all its threads, so
 * garbage collection is included). Its resolution is a microsecond, so everything is timed in
 * batches long enough to make that negligible.
 */

/** CPU time used by this process so far, in microseconds. */
export function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/** Keeps results alive so no engine can drop a call whose value is unused. */
let sink = 0;
export function keep(value: unknown): void {
  sink += typeof value === 'number' ? value : 1;
}
export function sinkValue(): number {
  return sink;
}

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** First and third quartiles. */
  readonly q1: number;
  readonly q3: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), min: sorted[0], max: sorted[sorted.length - 1], q1: quantile(sorted, 0.25), q3: quantile(sorted, 0.75) };
}

export function median(values: readonly number[]): number {
  return spread(values).median;
}

/** Something to time: one pass does `operations` units of work (calls, or evaluations). */
export interface Timed {
  readonly name: string;
  readonly operations: number;
  readonly pass: () => void;
}

/**
 * Runs passes until they have used `minMicros` of CPU; returns the CPU microseconds per pass.
 * The engine needs some tens of milliseconds of a hot loop to optimise it.
 */
function passFor(pass: () => void, minMicros: number): number {
  const started = cpuMicros();
  let passes = 0;
  do {
    pass();
    passes += 1;
  } while (cpuMicros() - started < minMicros);
  return (cpuMicros() - started) / passes;
}

/**
 * Times every item in rounds, round-robin, so that a slow spell of the machine falls on all of
 * them alike rather than on whichever ran then. Each item is first warmed up for two batches'
 * worth of CPU, then gets as many passes per batch as make the batch last about `batchMicros`.
 * The start of the rotation moves by one each round. Returns, per item, the CPU microseconds per
 * operation in each round.
 */
export function interleavedRounds(items: readonly Timed[], rounds: number, batchMicros: number): Map<string, number[]> {
  const passes = items.map((item) => {
    passFor(item.pass, 2 * batchMicros);
    return Math.max(1, Math.round(batchMicros / Math.max(1, passFor(item.pass, batchMicros / 3))));
  });
  const perOperation = new Map<string, number[]>(items.map((item) => [item.name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (let k = 0; k < items.length; k += 1) {
      const index = (round + k) % items.length;
      const item = items[index];
      const started = cpuMicros();
      for (let pass = 0; pass < passes[index]; pass += 1) item.pass();
      const elapsed = cpuMicros() - started;
      perOperation.get(item.name)?.push(elapsed / (passes[index] * item.operations));
    }
  }
  return perOperation;
}

/**
 * CPU microseconds of one call, repeated until the repetitions take at least `minMicros` of CPU.
 * The first call, timed by the wall clock, sets how many repetitions to try.
 */
export function microsPerCall(call: () => unknown, minMicros: number): number {
  const started = process.hrtime.bigint();
  keep(call());
  const firstMicros = Math.max(0.05, Number(process.hrtime.bigint() - started) / 1000);
  let repetitions = Math.max(1, Math.ceil(minMicros / firstMicros));
  for (;;) {
    const cpuStarted = cpuMicros();
    for (let r = 0; r < repetitions; r += 1) keep(call());
    const elapsed = cpuMicros() - cpuStarted;
    if (elapsed >= minMicros) return elapsed / repetitions;
    repetitions = elapsed > 0 ? Math.ceil(repetitions * Math.min(100, (1.2 * minMicros) / elapsed)) : repetitions * 100;
  }
}

/** The best of several timings of one call: a garbage-collection pause or a busy machine only ever adds time. */
export function bestMicrosPerCall(call: () => unknown, minMicros: number, attempts: number): number {
  let best = Infinity;
  for (let attempt = 0; attempt < attempts; attempt += 1) best = Math.min(best, microsPerCall(call, minMicros));
  return best;
}
