/**
 * Total time (self and callees) of named functions in a V8 .cpuprofile, each sample counted once per name: how
 * much of a thread's time a step of its work takes. Not a test: `npx tsx test/bench/profile-total.ts <file> <name>…`.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string };
  children?: number[];
}
const [file, ...names] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file!, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const totals = new Map<string, number>();
profile.samples.forEach((id, index) => {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = nodes.get(at)!.callFrame.functionName;
    if (!names.includes(name) || seen.has(name)) continue;
    seen.add(name);
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0));
  }
});
for (const name of names) console.log(`${name} ${Math.round((totals.get(name) ?? 0) / 1000)} ms`);
