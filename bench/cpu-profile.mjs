// Where a process spent a measurement window, from a V8 CPU profile (node --cpu-prof), for every scenario's
// --profile: samples outside the window (start-up, warm-up, shutdown) are left out; by package, node's own frames
// (streams, sockets, promises) count for the nearest package that called them, so that e.g. a socket write of a
// query counts for mysql2; by function, self time.
import { readFileSync } from 'node:fs';

/** `window`: { startMsBeforeExit, endMsBeforeExit } (a profile ends when the process exits). */
export function summariseProfile(file, window, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const packageOf = (url) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.includes('/dist/') ? 'ours (dist/)' : null);
  const ownerOf = (id) => {
    for (let at = id; at !== undefined; at = parentOf.get(at)) {
      const owner = packageOf(byId.get(at).callFrame.url);
      if (owner) return owner;
    }
    const name = byId.get(id).callFrame.functionName;
    return name.startsWith('(') ? name : 'node (no package on the stack)';
  };
  const from = profile.endTime - window.startMsBeforeExit * 1000;
  const to = profile.endTime - window.endMsBeforeExit * 1000;
  const self = new Map();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t >= from && t <= to) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + profile.timeDeltas[i]);
  }
  const byFunction = new Map();
  const byPackage = new Map();
  let total = 0;
  for (const [id, us] of self) {
    total += us;
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    byPackage.set(ownerOf(id), (byPackage.get(ownerOf(id)) ?? 0) + us);
  }
  const share = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, percent: Math.round((us / total) * 1000) / 10 }));
  return { sampledMs: Math.round(total / 1000), packages: share(byPackage), functions: share(byFunction) };
}
