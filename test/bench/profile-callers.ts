/**
 * Who calls a function in a V8 .cpuprofile, by total (self + callees) time of the calls: where a hot function is
 * reached from. Not a test: `npx tsx test/bench/profile-callers.ts <file.cpuprofile> <function name> [depth]`.
 */
import { frameLabel, innermostFrame, readCpuProfile } from './cpu-profile';

const [file, name, depthArgument] = process.argv.slice(2);
const depth = Number(depthArgument ?? 2);
const profile = readCpuProfile(file!);
const byChain = new Map<string, number>();
profile.samples.forEach((id, index) => {
  const at = innermostFrame(profile, id, name!);
  if (at === undefined) return;
  const chain: string[] = [];
  for (let up = profile.parent.get(at), step = 0; up !== undefined && step < depth; up = profile.parent.get(up), step += 1) chain.push(frameLabel(profile, up));
  const key = chain.join(' <- ');
  byChain.set(key, (byChain.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
for (const [chain, micros] of [...byChain].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${(micros / 1000).toFixed(0).padStart(7)} ms  ${chain}`);
