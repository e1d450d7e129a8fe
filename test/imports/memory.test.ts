import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp, tempDir } from '../support/temp-app';
import { writeCellsBomb, writeRealisticCsv, writeSharedStringsBomb, writeTinyRowsCsv } from './support/bombs';

// Issue 18's import bombs and a realistic large tracker, each made here in a temp folder and imported in a
// process of its own, whose peak memory (maximum resident set size) is reported: every bomb is refused with
// TOO_LARGE naming what was too large, under the stated bound, and the large file imports under its own.

/** The bound a bomb's import must stay under: the process itself (Node, SQLite, the app) takes ~150 MB of it. */
const bombBoundMb = 1024;
/**
 * The bound of the realistic 585,000-row import: reading and checking stay flat (~300 MB measured); the write
 * path's bookkeeping of one transaction grows with the rows (~0.9 kB each: the ids it touched, the rows it
 * inserted, the derived data it refreshes at commit).
 */
const largeBoundMb = 1536;

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const child = path.join(import.meta.dirname, 'import-child.ts');

interface ChildOutcome {
  ok: boolean;
  code?: string;
  details?: Record<string, unknown>;
  created?: number;
  ms: number;
  maxRssMb: number;
}

function importInChild(file: string, mode: 'run' | 'preview' = 'run'): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [tsx, child, file, mode], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    process_.stdout.on('data', (chunk) => (stdout += chunk));
    process_.stderr.on('data', (chunk) => (stderr += chunk));
    process_.on('error', reject);
    process_.on('close', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as ChildOutcome);
      } catch {
        reject(new Error(`the import process exited with ${code}: ${stderr.slice(-2000)}`));
      }
    });
  });
}

let dir: string;
beforeAll(() => {
  dir = tempDir('candid-bombs-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('import bombs, each imported in a process of its own', () => {
  it('an XLSX of 15 million small cells is refused for its cells, under the bound', { timeout: 600_000 }, async () => {
    const file = path.join(dir, 'cells.xlsx');
    writeCellsBomb(file);
    const outcome = await importInChild(file);
    fs.rmSync(file);
    expect(outcome).toMatchObject({ ok: false, code: 'TOO_LARGE', details: { reason: 'too_many_cells', limit: 12_000_000 } });
    expect(outcome.maxRssMb).toBeLessThan(bombBoundMb);
  });

  it('a 100 MB CSV of tiny rows is refused for its rows, under the bound', { timeout: 600_000 }, async () => {
    const file = path.join(dir, 'tiny.csv');
    writeTinyRowsCsv(file);
    expect(fs.statSync(file).size).toBe(100 * 1024 * 1024);
    const outcome = await importInChild(file);
    fs.rmSync(file);
    expect(outcome).toMatchObject({ ok: false, code: 'TOO_LARGE', details: { reason: 'too_many_rows' } });
    expect(outcome.maxRssMb).toBeLessThan(bombBoundMb);
  });

  it('an XLSX under 1 MB whose shared strings inflate to 468 MB is refused before inflating them, under the bound', { timeout: 600_000 }, async () => {
    const file = path.join(dir, 'strings.xlsx');
    writeSharedStringsBomb(file);
    expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
    const outcome = await importInChild(file);
    expect(outcome).toMatchObject({ ok: false, code: 'TOO_LARGE', details: { reason: 'part_too_large', part: 'xl/sharedStrings.xml', bytes: 468_007_621 } });
    expect(outcome.maxRssMb).toBeLessThan(bombBoundMb);

    // The same part lying about its size is stopped as soon as it inflates past what it announced.
    writeSharedStringsBomb(file, true);
    const lying = await importInChild(file);
    fs.rmSync(file);
    expect(lying).toMatchObject({ ok: false, code: 'TOO_LARGE', details: { reason: 'part_too_large', part: 'xl/sharedStrings.xml', limit: 4096 } });
    expect(lying.maxRssMb).toBeLessThan(bombBoundMb);
  });
});

describe('a large tracker', () => {
  it('a realistic 95 MB, 585,000-row CSV imports whole, under its bound', { timeout: 3_600_000 }, async () => {
    const file = path.join(dir, 'realistic.csv');
    writeRealisticCsv(file, 585_000);
    expect(fs.statSync(file).size).toBeGreaterThan(90 * 1024 * 1024);
    const outcome = await importInChild(file);
    fs.rmSync(file);
    expect(outcome).toMatchObject({ ok: true, created: 585_000 });
    expect(outcome.maxRssMb).toBeLessThan(largeBoundMb);
  });

  it('answers other calls while it reads a large file', { timeout: 600_000 }, async () => {
    const file = path.join(dir, 'tiny-rows.csv');
    writeTinyRowsCsv(file);
    const app = await openTempApp();
    try {
      let settled = false;
      const preview = app.api.invoke('imports.preview', { source: { path: file } }).finally(() => (settled = true));
      const stages = await app.api.invoke('stages.list', undefined);
      expect(stages.length).toBeGreaterThan(0);
      expect(settled).toBe(false);
      await expect(preview).rejects.toMatchObject({ code: 'TOO_LARGE' });
    } finally {
      app.close();
      fs.rmSync(file);
    }
  });
});
