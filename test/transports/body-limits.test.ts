import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../src-main/transports/http';
import { bodyLimitFor, defaultBodyLimit, fileBodyLimit } from '../../src-shared/http-limits';
import { openTempApp, type TempApp } from '../support/temp-app';

let app: TempApp;
let server: HttpServer;
beforeAll(async () => {
  app = await openTempApp();
  server = await startHttpServer({ api: app.api });
});
afterAll(async () => {
  await server.close();
  app.close();
});

const post = (channel: string, body: string) =>
  fetch(`${server.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body,
  });

describe('per-channel body limits', () => {
  it('gives file-carrying channels room for a 100 MB file as base64, and keeps the others small', () => {
    expect(bodyLimitFor('imports.preview')).toBe(fileBodyLimit);
    expect(bodyLimitFor('documents.add')).toBe(fileBodyLimit);
    expect(bodyLimitFor('applications.create')).toBe(defaultBodyLimit);
    expect(fileBodyLimit).toBeGreaterThan(Math.ceil((100 * 1024 * 1024 * 4) / 3));
  });

  it('refuses a 30 MB body on an ordinary channel but reads it on an import channel', async () => {
    const content = 'A'.repeat(30 * 1024 * 1024);
    const ordinary = await post('applications.create', JSON.stringify({ companyName: 'Acme', position: 'Dev', notes: content }));
    expect(ordinary.status).toBe(413);
    const upload = await post('imports.preview', JSON.stringify({ source: { content, fileName: 'x.csv' } }));
    // Read and parsed: whatever the import says about the content, it is not the transport's 413.
    expect(upload.status).not.toBe(413);
    // 60 MB through HTTP and JSON, then the jobs' worker started for the import: a few seconds of CPU, which a
    // machine shared by many processes stretches beyond the default 30 s (no race: nothing here waits on timing).
  }, 120_000);
});

describe('file paths over HTTP', () => {
  it('refuses a path outside the backups folder, so the token cannot read or write the user’s files', async () => {
    for (const [channel, input] of [
      ['documents.add', { source: { path: '/etc/hostname' }, name: 'x', kind: 'other' }],
      ['exports.json', { path: '/tmp/anywhere.json' }],
      ['imports.preview', { source: { path: '/etc/passwd' } }],
      ['backups.restore', { path: `${app.dir}/candid.sqlite` }],
      ['backups.restore', { path: `${app.dir}/backups/../candid.sqlite` }],
    ] as const) {
      const response = await post(channel, JSON.stringify(input));
      expect(response.status, channel).toBe(403);
      expect((await response.json()).code).toBe('FORBIDDEN');
    }
  });

  it('still accepts a path inside the backups folder (restore, undo import)', async () => {
    const response = await post('backups.restore', JSON.stringify({ path: `${app.dir}/backups/none.sqlite` }));
    expect(response.status).not.toBe(403);
  });
});
