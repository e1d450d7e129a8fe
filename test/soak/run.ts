/**
 * `npm run soak -- --rounds N [--seed S]`: many kill-at-random rounds (see test/trust/crash-rounds.ts); prints how
 * many rounds ran and how many found damage (must be zero), and exits non-zero if any did.
 * `npm run soak -- --kind sync [--rounds N] [--seed S]`: the same for sync runs (see test/soak/sync-rounds.ts).
 */
import { parseArgs } from 'node:util';
import { crashAt, crashOperations, prng } from '../trust/crash-rounds';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '30' }, seed: { type: 'string', default: '1' }, kind: { type: 'string', default: 'crash' } },
});
if (values.kind === 'sync') {
  const { soakSync } = await import('./sync');
  process.exitCode = await soakSync(Number(values.rounds), Number(values.seed));
  process.exit();
}
const rounds = Number(values.rounds);
const random = prng(Number(values.seed));
let damaged = 0;
const tally: Record<string, number> = {};
for (let round = 1; round <= rounds; round++) {
  const operation = crashOperations[(round - 1) % crashOperations.length];
  const fraction = random() * 1.1;
  const result = await crashAt(operation, fraction);
  const delay = result.killedAfterMs;
  const bad = result.integrity !== 'ok' || (result.outcome !== 'none' && result.outcome !== 'all');
  if (bad) damaged += 1;
  const key = `${operation}:${result.outcome}`;
  tally[key] = (tally[key] ?? 0) + 1;
  console.log(`round ${round}/${rounds} ${operation} killed after ${delay} ms: integrity ${result.integrity}, ${result.outcome}${bad ? '  <-- DAMAGE' : ''}`);
}
console.log(`\n${rounds} rounds ran, ${damaged} found damage. Outcomes: ${JSON.stringify(tally)}`);
process.exitCode = damaged === 0 ? 0 : 1;
