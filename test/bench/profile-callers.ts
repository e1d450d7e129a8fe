/**
 * Who calls a function in a V8 .cpuprofile, by total (self + callees) time of the calls: where a hot function is
 * reached from. Not a test: `npx tsx test/bench/profile-callers.ts <file.cpuprofile> <function name> [depth]`.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, name, depthArgument] = process.argv.slice(2);
const depth = Number(depthArgument ?? 2);
const profile = JSON.parse(fs.readFileSync(file!, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const label = (id: number) => {
  const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
  return `${functionName || '(anonymous)'} ${url.replace(/^.*\/(src-main|src-shared|node_modules)\//, '$1/')}:${lineNumber + 1}`;
};
const byChain = new Map<string, number>();
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  // The innermost frame of that name on the sample's stack, and its callers.
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    if (nodes.get(at)!.callFrame.functionName !== name) continue;
    const chain: string[] = [];
    for (let up = parent.get(at), step = 0; up !== undefined && step < depth; up = parent.get(up), step += 1) chain.push(label(up));
    const key = chain.join(' <- ');
    byChain.set(key, (byChain.get(key) ?? 0) + delta);
    break;
  }
});
for (const [chain, micros] of [...byChain].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${(micros / 1000).toFixed(0).padStart(7)} ms  ${chain}`);
