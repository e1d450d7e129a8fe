/**
 * `npm run soak -- --rounds N [--seed S] [--kinds import,backup]`: many kill-at-random rounds (test/trust/crash/:
 * each kind of operation is killed with SIGKILL at a random moment, then the database and the next start are
 * checked). Prints every round, then one line — rounds, damaged, duration, date — and exits non-zero if any round
 * found damage. `.ci/soak` runs it on request; SECURITY.md holds the last result.
 * `npm run soak -- --kind sync [--rounds N] [--seed S]`: the same for whole sync runs, a server and two devices
 * (see test/soak/sync-rounds.ts).
 */
import { parseArgs } from 'node:util';
import { crashKindNames, isCrashKindName } from '../trust/crash/kinds';
import { crashAt, isDamaged, prng, removeTemplates } from '../trust/crash/rounds';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '30' }, seed: { type: 'string', default: '1' }, kinds: { type: 'string' }, kind: { type: 'string', default: 'crash' } },
});
if (values.kind === 'sync') {
  const { soakSync } = await import('./sync');
  process.exitCode = await soakSync(Number(values.rounds), Number(values.seed));
  process.exit();
}
const rounds = Number(values.rounds);
const kinds = values.kinds ? values.kinds.split(',') : crashKindNames;
const unknown = kinds.filter((kind) => !isCrashKindName(kind));
if (!Number.isInteger(rounds) || rounds < 1 || unknown.length > 0) {
  console.error(`--rounds must be a positive integer and --kinds among ${crashKindNames.join(', ')}${unknown.length ? ` (not ${unknown.join(', ')})` : ''}`);
  process.exit(2);
}
const random = prng(Number(values.seed));
const started = new Date();
let damaged = 0;
const tally: Record<string, number> = {};
try {
  for (let round = 1; round <= rounds; round++) {
    const kind = kinds[(round - 1) % kinds.length];
    if (!isCrashKindName(kind)) continue;
    // Past the end too (up to 1.1), so that some kills land after the operation finished.
    const result = await crashAt(kind, random() * 1.1);
    const bad = isDamaged(result);
    if (bad) damaged += 1;
    const key = `${kind}:${result.outcome}`;
    tally[key] = (tally[key] ?? 0) + 1;
    console.log(
      `round ${round}/${rounds} ${kind} killed after ${result.killedAfterMs} ms: integrity ${result.integrity}, ${result.outcome}, restart ${result.restart}${bad ? '  <-- DAMAGE' : ''}`,
    );
  }
} finally {
  removeTemplates();
}
const minutes = Math.round((Date.now() - started.getTime()) / 60_000);
console.log(`\nOutcomes: ${JSON.stringify(tally)}`);
console.log(`rounds: ${rounds}, damaged: ${damaged}, duration: ${minutes} min, date: ${started.toISOString().slice(0, 10)}, seed: ${values.seed}, kinds: ${kinds.join(', ')}`);
process.exitCode = damaged === 0 ? 0 : 1;
