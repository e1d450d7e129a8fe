/**
 * Total time (self and callees) of named functions in a V8 .cpuprofile, each sample counted once per name: how
 * much of a thread's time a step of its work takes. Not a test: `npx tsx test/bench/profile-total.ts <file> <name>…`.
 */
import { innermostFrame, readCpuProfile } from './cpu-profile';

const [file, ...names] = process.argv.slice(2);
const profile = readCpuProfile(file!);
const totals = new Map<string, number>();
profile.samples.forEach((id, index) => {
  for (const name of names) {
    if (innermostFrame(profile, id, name) !== undefined) totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0));
  }
});
for (const name of names) console.log(`${name} ${Math.round((totals.get(name) ?? 0) / 1000)} ms`);
