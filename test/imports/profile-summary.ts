/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`) by self time: the functions where the time is spent, and
 * the same grouped by file. Not a test: `npx tsx test/imports/profile-summary.ts <file.cpuprofile> [top]`.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArgument] = process.argv.slice(2);
const top = Number(topArgument ?? 30);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const selfByNode = new Map<number, number>();
profile.samples.forEach((id, index) => selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
const totalMs = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0) / 1000;

const shortUrl = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules\/)/, '$1').replace(/^.*\/work\/main\//, '');
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const [id, micros] of selfByNode) {
  const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
  const where = shortUrl(url) || '(native)';
  const name = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  byFile.set(where, (byFile.get(where) ?? 0) + micros);
}
const print = (title: string, entries: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(micros / 1000).toFixed(0).padStart(7)} ms ${((micros / 1000 / totalMs) * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
};
console.log(`total ${totalMs.toFixed(0)} ms sampled`);
print('self time by function', byFunction);
print('self time by file', byFile);
