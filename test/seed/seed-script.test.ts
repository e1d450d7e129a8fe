import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { tempDir } from '../support/temp-app';

const root = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** `npm run seed -- …`, the way a person runs it. */
function seed(...args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'seed', '--', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function inspect(dataDir: string) {
  const context = await openAppContext({ dataDir });
  try {
    const { db } = context;
    const value = (sql: string) => db.sql(sql).pluck().get();
    return {
      applications: value(`SELECT count(*) FROM applications WHERE deleted_at IS NULL`) as number,
      changeLog: value(`SELECT count(*) FROM change_log`) as number,
      // Applications whose earliest event is not a creation event (one with no "from" stage).
      withoutCreationEvent: value(`
        SELECT count(*) FROM applications a WHERE (
          SELECT e.from_stage_id IS NOT NULL FROM stage_events e WHERE e.application_id = a.id ORDER BY e.occurred_at, e.id LIMIT 1
        ) IS NOT 0`) as number,
      // Events whose "from" is not the stage of the event before them.
      brokenChains: value(`
        SELECT count(*) FROM stage_events e WHERE e.from_stage_id IS NOT (
          SELECT p.to_stage_id FROM stage_events p WHERE p.application_id = e.application_id AND p.occurred_at < e.occurred_at
          ORDER BY p.occurred_at DESC LIMIT 1)`) as number,
      // The current stage must be the latest event's.
      staleStages: value(`
        SELECT count(*) FROM applications a WHERE a.stage_id IS NOT (
          SELECT e.to_stage_id FROM stage_events e WHERE e.application_id = a.id ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1)`) as number,
      searchable: value(`SELECT count(*) FROM applications_fts`) as number,
      currencies: value(`SELECT count(DISTINCT salary_currency) FROM applications`) as number,
      interviews: value(`SELECT count(*) FROM interviews`) as number,
    };
  } finally {
    closeAppContext(context);
  }
}

describe('npm run seed', () => {
  it('fills a database through the write path, then refuses to seed it again without --force', { timeout: 300_000 }, async () => {
    const dir = tempDir('candid-seed-');
    dirs.push(dir);
    const first = seed('--count', '200', '--data', dir, '--today', '2026-03-01');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/Done in .* 200 applications/);

    const seeded = await inspect(dir);
    expect(seeded).toMatchObject({ applications: 200, withoutCreationEvent: 0, brokenChains: 0, staleStages: 0, searchable: 200 });
    // Each new row is one change-log entry (an application, its events, company, tags …), each later change one per field.
    expect(seeded.changeLog).toBeGreaterThan(200 * 3);
    expect(seeded.currencies).toBeGreaterThanOrEqual(3);
    expect(seeded.interviews).toBeGreaterThan(0);

    const refused = seed('--count', '50', '--data', dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/already holds data; nothing was written.*--force/);
    expect((await inspect(dir)).applications).toBe(200);

    const forced = seed('--count', '50', '--data', dir, '--force', '--seed', 'more');
    expect(forced.code, forced.err).toBe(0);
    expect((await inspect(dir)).applications).toBe(250);
  });

  it('says what is wrong with its arguments', { timeout: 120_000 }, () => {
    const dir = tempDir('candid-seed-args-');
    dirs.push(dir);
    const missing = seed('--data', dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--count N/);
    const bad = seed('--count', 'lots');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--count must be a whole number/);
  });
});
