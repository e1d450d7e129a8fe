import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { heldPartsPrefix, removeAbandonedHeldParts } from '../../src-main/exports/abandoned-parts';

describe('the held parts a killed app left behind', () => {
  let tempDir: string;
  const day = 24 * 60 * 60 * 1000;
  const now = Date.now();

  beforeEach(() => {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candid-abandoned-'));
  });
  afterEach(() => fs.rmSync(tempDir, { recursive: true, force: true }));

  function folder(name: string, ageMs: number): string {
    const made = path.join(tempDir, name);
    fs.mkdirSync(made);
    fs.writeFileSync(path.join(made, 'part-0'), 'deflated rows');
    const at = new Date(now - ageMs);
    fs.utimesSync(made, at, at);
    return made;
  }

  it('removes the held-parts folders older than a day, with their parts', async () => {
    const old = folder(`${heldPartsPrefix}old`, 2 * day);
    expect(await removeAbandonedHeldParts(tempDir, now)).toEqual([old]);
    expect(fs.existsSync(old)).toBe(false);
  });

  it('keeps a recent one (an export may be running in another window or app) and what is not ours', async () => {
    const recent = folder(`${heldPartsPrefix}recent`, 60 * 1000);
    const other = folder('someone-else-export-old', 2 * day);
    const file = path.join(tempDir, `${heldPartsPrefix}file`);
    fs.writeFileSync(file, 'not a folder');
    fs.utimesSync(file, new Date(now - 2 * day), new Date(now - 2 * day));
    expect(await removeAbandonedHeldParts(tempDir, now)).toEqual([]);
    for (const kept of [recent, other, file]) expect(fs.existsSync(kept)).toBe(true);
  });

  it('does nothing when the temporary folder cannot be read', async () => {
    expect(await removeAbandonedHeldParts(path.join(tempDir, 'missing'), now)).toEqual([]);
  });
});
