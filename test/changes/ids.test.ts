import { describe, expect, it } from 'vitest';
import { newId } from '../../src-main/changes/ids';

describe('row ids', () => {
  it('are UUIDv7 and strictly increasing even within one millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (let index = 1; index < ids.length; index++) {
      if (!(ids[index - 1] < ids[index])) throw new Error(`not increasing at ${index}: ${ids[index - 1]} then ${ids[index]}`);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
