import { it } from 'vitest';
import { channels } from '../../src-shared/contract';
import { createFuzzSeed, fuzzChannel } from './support/fuzz-app';
import { anyValue, hostileInputs } from './support/hostile';
import { validInputs } from './support/valid-inputs';
const runs = Number(process.env.CAMPAIGN_RUNS ?? 400);
const base = Number(process.env.CAMPAIGN_SEED ?? 4242);
it('campaign', async () => {
  const seed = await createFuzzSeed();
  const failures: string[] = [];
  for (const channel of channels) {
    const app = await seed.copy();
    try {
      await fuzzChannel({ channel, arbitrary: hostileInputs(validInputs[channel](seed.world), anyValue), send: (c, i) => app.api.call(c, i), app, seed, numRuns: runs, base });
    } catch (error) {
      failures.push(`### ${channel}\n${String((error as Error).message).slice(0, 3000)}`);
    } finally {
      app.close();
    }
  }
  console.log(`CAMPAIGN DONE ${failures.length} failures\n` + failures.join('\n\n'));
  seed.close();
}, 3_600_000);
