// The benches' timer: runs `f` once to warm up, then `runs` times, and prints the median and the slowest.
export function time(label: string, f: () => unknown, runs = 20): void {
  f();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  console.log(`${label}: p50 ${ts[Math.floor(runs / 2)].toFixed(1)} ms, max ${ts[runs - 1].toFixed(1)} ms`);
}
