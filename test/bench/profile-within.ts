/**
 * Self time of the functions called under one function in a V8 .cpuprofile: what a hot caller's time is made of.
 * Not a test: `npx tsx test/bench/profile-within.ts <file.cpuprofile> <function name> [top]`.
 */
import { frameLabel, innermostFrame, readCpuProfile } from './cpu-profile';

const [file, name, topArgument] = process.argv.slice(2);
const profile = readCpuProfile(file!);
const selfUnder = new Map<string, number>();
profile.samples.forEach((id, index) => {
  if (innermostFrame(profile, id, name!) === undefined) return;
  const label = frameLabel(profile, id);
  selfUnder.set(label, (selfUnder.get(label) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
for (const [label, micros] of [...selfUnder].sort((a, b) => b[1] - a[1]).slice(0, Number(topArgument ?? 25))) console.log(`${(micros / 1000).toFixed(0).padStart(7)} ms  ${label}`);
