import { describe, expect, it } from 'vitest';
import { crashAt, crashOperations, prng } from './crash-rounds';

/**
 * Kill-at-random: a child process doing a large import, a bulkUpdate or a migration is killed with SIGKILL at a
 * random moment; the database must open, pass integrity_check, and hold all of the operation or none of it.
 * A bounded number of rounds here; `npm run soak -- --rounds N` runs many more.
 */
describe('crash safety under SIGKILL', () => {
  const random = prng(20261121);
  for (const operation of crashOperations) {
    it(`${operation}: killed at random moments, all or nothing, integrity ok`, async () => {
      for (let round = 0; round < 3; round++) {
        // Kill somewhere inside the operation's measured duration.
        const result = await crashAt(operation, 0.1 + random() * 0.8);
        expect(result.integrity).toBe('ok');
        expect(['none', 'all']).toContain(result.outcome);
      }
    }, 120_000);
  }
});
