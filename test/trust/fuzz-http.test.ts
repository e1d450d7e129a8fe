import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src-main/api';
import { startHttpServer } from '../../src-main/transports/http';
import { channels, type Channel } from '../../src-shared/contract';
import { httpStatusOf, isAppErrorShape } from '../../src-shared/errors';
import fc from 'fast-check';
import { createFuzzSeed, fuzzChannel, type FuzzSeed } from './support/fuzz-app';
import { anyJson, hostileInputs, RawJson, rawJsonBodies } from './support/hostile';
import { validInputs } from './support/valid-inputs';

/**
 * Every channel over the real HTTP transport (startHttpServer, fetch with the token): arbitrary JSON, near-valid
 * inputs, and JSON texts JSON.stringify never writes (own __proto__ keys, duplicate keys, 1e400, lone surrogates,
 * deep nesting). Each answer is a result (200) or a typed error with its HTTP status, never INTERNAL; a failed call
 * writes nothing; the database stays intact. Refusals by the transport itself (token, Host, Origin, body size) are
 * tested in test/transports/http.test.ts.
 */
const runsPerChannel = 12;
const baseSeed = 7_302_026;

let seed: FuzzSeed;
beforeAll(async () => {
  seed = await createFuzzSeed();
});
afterAll(() => seed?.close());

/** Posts one input and turns the answer back into an ApiResult, checking the status matches the error code. */
function poster(url: string, token: string) {
  return async (channel: Channel, input: unknown): Promise<ApiResult> => {
    const body = input instanceof RawJson ? input.text : input === undefined ? '' : JSON.stringify(input);
    const response = await fetch(`${url}/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body,
    });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const payload: unknown = await response.json();
    if (response.status === 200) return { ok: true, value: payload };
    expect(isAppErrorShape(payload), `not an error object: ${JSON.stringify(payload).slice(0, 200)}`).toBe(true);
    const error = payload as { code: keyof typeof httpStatusOf };
    expect(response.status, `status of ${error.code}`).toBe(httpStatusOf[error.code]);
    return { ok: false, error: payload as never };
  };
}

describe('hostile input over HTTP', () => {
  for (const channel of channels) {
    it(`${channel}: a result or a typed error with its status, nothing written on failure`, async () => {
      const app = await seed.copy();
      const server = await startHttpServer({ api: app.api, port: 0 });
      try {
        const valid = validInputs[channel](seed.world);
        await fuzzChannel({
          channel,
          arbitrary: fc.oneof({ arbitrary: hostileInputs(valid, anyJson), weight: 3 }, { arbitrary: rawJsonBodies(valid), weight: 1 }),
          send: poster(server.url, server.token),
          app,
          seed,
          numRuns: runsPerChannel,
          base: baseSeed,
        });
      } finally {
        await server.close();
        app.close();
      }
    });
  }
});
