// What the benchmark reads (infra/local/benchmark console): how long each second's tick and each
// applied update took, from the change to the DOM being patched. Bounded, so it never grows.
const LIMIT = 600;

export function recordPerf(kind, ms) {
  const perf = (globalThis.__replyguardPerf ??= { tick: [], update: [] });
  const list = perf[kind] ?? (perf[kind] = []);
  list.push(ms);
  if (list.length > LIMIT) list.shift();
}
