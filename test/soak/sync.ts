import { prng } from '../trust/crash/rounds';
import { syncCrashAt, syncPhases } from './sync-rounds';

/** `npm run soak -- --kind sync`: rounds of sync runs killed at random points; returns the exit code (1 on damage). */
export async function soakSync(rounds: number, seed: number): Promise<number> {
  const random = prng(seed);
  let damaged = 0;
  const tally: Record<string, number> = {};
  for (let round = 1; round <= rounds; round++) {
    const phase = syncPhases[(round - 1) % syncPhases.length];
    const result = await syncCrashAt(phase, random() * 1.1);
    const bad = result.integrity !== 'ok' || result.outcome !== 'converged';
    if (bad) damaged += 1;
    const key = `${phase}:${result.finished ? 'finished' : 'killed'}`;
    tally[key] = (tally[key] ?? 0) + 1;
    console.log(
      `round ${round}/${rounds} sync ${phase} killed after ${result.killedAfterMs} ms${result.finished ? ' (had finished)' : ''}: ` +
        `integrity ${result.integrity}, ${result.outcome}${bad ? '  <-- DAMAGE' : ''}`,
    );
  }
  console.log(`\n${rounds} sync rounds ran, ${damaged} found damage. Outcomes: ${JSON.stringify(tally)}`);
  return damaged === 0 ? 0 : 1;
}
