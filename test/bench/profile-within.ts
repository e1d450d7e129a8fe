/**
 * Self time of the functions called under one function in a V8 .cpuprofile: what a hot caller's time is made of.
 * Not a test: `npx tsx test/bench/profile-within.ts <file.cpuprofile> <function name> [top]`.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, name, topArgument] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file!, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUnder = new Map<string, number>();
profile.samples.forEach((id, index) => {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    if (nodes.get(at)!.callFrame.functionName !== name) continue;
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const label = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(src-main|src-shared|node_modules)\//, '$1/')}:${lineNumber + 1}`;
    selfUnder.set(label, (selfUnder.get(label) ?? 0) + (profile.timeDeltas[index] ?? 0));
    break;
  }
});
for (const [label, micros] of [...selfUnder].sort((a, b) => b[1] - a[1]).slice(0, Number(topArgument ?? 25))) console.log(`${(micros / 1000).toFixed(0).padStart(7)} ms  ${label}`);
