import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../src-shared/contract';
import { createFuzzSeed, fuzzChannel, type FuzzSeed } from './support/fuzz-app';
import { anyValue, hostileInputs } from './support/hostile';
import { needsSyncServer, validInputs } from './support/valid-inputs';

/**
 * Every channel of the handler table (api.call, what IPC calls) under hostile input: arbitrary values of any
 * type structured clone can carry, and near-valid inputs with one field wrong. Each call must give back a result
 * or a typed error, never INTERNAL, never throw or crash; a failed call writes nothing; the database stays intact.
 * Fixed seeds and a bounded number of runs per channel keep it reproducible and quick.
 */
const runsPerChannel = 30;
const baseSeed = 20261121;

let seed: FuzzSeed;
beforeAll(async () => {
  seed = await createFuzzSeed();
});
afterAll(() => seed?.close());

describe('hostile input over the handler table', () => {
  it('has a valid input for every channel, and each one works', async () => {
    expect(Object.keys(validInputs).sort()).toEqual([...channels].sort());
    for (const channel of channels) {
      const app = await seed.copy();
      try {
        const result = await app.api.call(channel, validInputs[channel](seed.world));
        const expected = needsSyncServer.get(channel) ?? 'ok';
        expect(result.ok ? 'ok' : result.error.code === expected ? expected : `${result.error.code}: ${result.error.message}`, channel).toBe(expected);
      } finally {
        app.close();
      }
    }
  });

  for (const channel of channels) {
    it(`${channel}: a result or a typed error, nothing written on failure`, async () => {
      const app = await seed.copy();
      try {
        await fuzzChannel({
          channel,
          arbitrary: hostileInputs(validInputs[channel](seed.world), anyValue),
          send: (name, input) => app.api.call(name, input),
          app,
          seed,
          numRuns: runsPerChannel,
          base: baseSeed,
        });
      } finally {
        app.close();
      }
    });
  }
});
