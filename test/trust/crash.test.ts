import { afterAll, describe, expect, it } from 'vitest';
import { crashKindNames } from './crash/kinds';
import { crashAt, isDamaged, prng, removeTemplates } from './crash/rounds';

/**
 * Kill-at-random: a child process doing a large import, a bulkUpdate, a migration, a backup, a restore or sync's apply
 * of a pulled page is killed with SIGKILL at a random moment; the database must pass integrity_check and hold all of
 * the operation or none of it, and the next start must open the folder and leave nothing half-written in it. A
 * bounded number of rounds here; `npm run soak -- --rounds N` runs many more (its last result is in SECURITY.md).
 */
afterAll(() => removeTemplates());

describe('crash safety under SIGKILL', () => {
  const random = prng(20261121);
  for (const kind of crashKindNames) {
    it(`${kind}: killed at random moments, all or nothing, integrity ok, nothing left at the next start`, async () => {
      for (let round = 0; round < 2; round++) {
        // Kill somewhere inside the operation's measured duration.
        const result = await crashAt(kind, 0.1 + random() * 0.8);
        expect(result.integrity).toBe('ok');
        expect(['none', 'all']).toContain(result.outcome);
        expect(result.restart).toBe('ok');
        expect(isDamaged(result)).toBe(false);
      }
    }, 180_000);
  }
});
