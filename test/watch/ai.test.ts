import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatServer, modelFields } from '../ai/support/chat-server';
import { openTempApp, type TempApp } from '../support/temp-app';

const key = 'sk-candid-test-7f3a9c2e51b84d06';
const fields = modelFields;

let app: TempApp;
let chat: ChatServer;
let base: string;
let opportunityId: string;
let received: ChatServer['received'];

beforeAll(async () => {
  chat = await new ChatServer().start();
  base = chat.url;
  received = chat.received;
  app = await openTempApp();
  await app.api.invoke('profile.update', { skills: ['typescript', 'React', 'Go'] });
  const watch = await app.api.invoke('watches.create', { kind: 'lever', board: 'globex', companyName: 'Globex' });
  opportunityId = app.context.changes.write((write) =>
    write.insert('opportunities', { watch_id: watch.id, external_id: 'a1', title: 'Backend Developer', location: 'Lyon', description: 'We build a local-first sync engine in TypeScript and Rust.', status: 'new' }),
  );
});

afterAll(async () => {
  app?.close();
  await chat?.close();
});

const failure = async (input: { opportunityId: string }) => {
  const result = await app.api.call('ai.analyze', input);
  return result.ok ? 'ok' : `${result.error.code} ${String((result.error.details as { reason?: string } | undefined)?.reason)}`;
};

describe('AI on the user’s own key', () => {
  it('is off by default, and the rest of the app works without it', async () => {
    expect(await app.api.invoke('ai.settings', undefined)).toEqual({ enabled: false, baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', timeoutSeconds: 60, hasKey: false });
    expect(await failure({ opportunityId })).toBe('UNAVAILABLE off');
    expect(received).toEqual([]);
  });

  it('sends exactly what the preview shows, to the configured endpoint only, and scores the fit', async () => {
    const settings = await app.api.invoke('ai.update', { enabled: true, baseUrl: `${base}/ok/v1/`, model: 'llama3.1', apiKey: key });
    expect(settings).toEqual({ enabled: true, baseUrl: `${base}/ok/v1`, model: 'llama3.1', timeoutSeconds: 60, hasKey: true });
    const preview = await app.api.invoke('ai.preview', { opportunityId });
    expect(preview.url).toBe(`${base}/ok/v1/chat/completions`);
    expect(preview.headers.authorization).toBe('Bearer ••••••••');
    expect(JSON.stringify(preview)).not.toContain(key);
    expect(preview.body.messages[1].content).toContain('We build a local-first sync engine in TypeScript and Rust.');

    const analysis = await app.api.invoke('ai.analyze', { opportunityId });
    expect(received).toHaveLength(1);
    expect(received[0]).toEqual({ path: '/ok/v1/chat/completions', authorization: `Bearer ${key}`, body: preview.body });
    expect(analysis.fields).toEqual(fields);
    // Required TypeScript (2 of 6) and preferred React (1 of 1): 3 of 7 points.
    expect(analysis).toMatchObject({ fitScore: 43, matchedSkills: ['TypeScript', 'React'], missingSkills: ['SQLite', 'Rust'] });
  });

  it('gives a clear error for a slow endpoint, an HTTP error and a malformed answer', async () => {
    await app.api.invoke('ai.update', { baseUrl: `${base}/slow/v1`, timeoutSeconds: 1 });
    expect(await failure({ opportunityId })).toBe('UNAVAILABLE timeout');
    await app.api.invoke('ai.update', { baseUrl: `${base}/error/v1` });
    expect(await failure({ opportunityId })).toBe('UNAVAILABLE http_status');
    await app.api.invoke('ai.update', { baseUrl: `${base}/malformed/v1` });
    expect(await failure({ opportunityId })).toBe('UNAVAILABLE malformed');
    await app.api.invoke('ai.update', { baseUrl: `${base}/wrong/v1` });
    expect(await failure({ opportunityId })).toBe('UNAVAILABLE malformed');
    for (const bad of ['ftp://127.0.0.1/v1', 'http://user:pass@127.0.0.1/v1']) {
      const result = await app.api.call('ai.update', { baseUrl: bad });
      expect(result.ok ? 'ok' : result.error.code).toBe('VALIDATION');
    }
  });

  it('keeps the key out of the database, its backups and the change log', async () => {
    expect((await app.api.invoke('ai.settings', undefined)).hasKey).toBe(true);
    app.context.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const folder = app.dir;
    const databaseBytes = fs.readdirSync(folder).filter((name) => name.endsWith('.db') || name.endsWith('.db-wal') || name.endsWith('.sqlite'));
    expect(databaseBytes.length).toBeGreaterThan(0);
    for (const name of databaseBytes) expect(fs.readFileSync(path.join(folder, name)).includes(key), name).toBe(false);
    const changeLog = JSON.stringify(app.context.db.sqlite.prepare(`SELECT * FROM change_log`).all());
    expect(changeLog).not.toContain(key);
    expect(changeLog).toContain('Backend Developer');
    const meta = JSON.stringify(app.context.db.sqlite.prepare(`SELECT * FROM meta`).all());
    expect(meta).not.toContain(key);
    const backup = (await app.api.invoke('backups.create', undefined)).path;
    expect(fs.readFileSync(backup).includes(key)).toBe(false);
    // Where it is: the device's secret store, readable by its owner only.
    const secrets = path.join(folder, 'sync-secrets.json');
    expect(fs.readFileSync(secrets, 'utf8')).toContain(key);
    expect(fs.statSync(secrets).mode & 0o077).toBe(0);
    // Forgotten on request.
    expect((await app.api.invoke('ai.update', { apiKey: null })).hasKey).toBe(false);
  });
});
