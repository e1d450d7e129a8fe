import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatServer, modelFields } from './support/chat-server';
import { openTempApp, type TempApp } from '../support/temp-app';

// AI on an application (issue 14, item 4): the posting is the text frozen at capture, else the description.
// Driven against a local server speaking chat-completions: normal, slow, HTTP error, malformed answer.

const key = 'sk-candid-app-test-0b1c2d3e4f';

let app: TempApp;
let chat: ChatServer;
let captured: string;
let typedIn: string;
let empty: string;

const outcome = async (input: Record<string, unknown>) => {
  const result = await app.api.call('ai.analyze', input as never);
  return result.ok ? 'ok' : `${result.error.code} ${String((result.error.details as { reason?: string } | undefined)?.reason)}`;
};
const changeCount = () => app.context.db.sqlite.prepare(`SELECT count(*) AS n FROM change_log`).get() as { n: number };

beforeAll(async () => {
  chat = await new ChatServer().start();
  app = await openTempApp();
  await app.api.invoke('profile.update', { skills: ['TypeScript', 'react'] });
  captured = (
    await app.api.invoke('applications.create', {
      companyName: 'Globex',
      position: 'Backend Developer',
      location: 'Lyon',
      description: 'Typed later by the user.',
      capturedPosting: { text: 'Frozen posting: TypeScript and Rust, sync engine.', url: 'https://jobs.example.com/globex/1', capturedAt: '2026-12-01T10:00:00.000Z' },
    })
  ).id;
  typedIn = (await app.api.invoke('applications.create', { companyName: 'Initech', position: 'Data Engineer', description: 'Pipelines in Python; SQL every day.' })).id;
  empty = (await app.api.invoke('applications.create', { companyName: 'Hooli', position: 'Designer' })).id;
});

afterAll(async () => {
  app?.close();
  await chat?.close();
});

describe('AI on an application', () => {
  it('previews the captured posting, else the description, and refuses an application without either', async () => {
    await app.api.invoke('ai.update', { enabled: true, baseUrl: `${chat.url}/ok/v1`, model: 'llama3.1', apiKey: key });
    const preview = await app.api.invoke('ai.preview', { applicationId: captured });
    expect(preview.url).toBe(`${chat.url}/ok/v1/chat/completions`);
    expect(preview.headers.authorization).toBe('Bearer ••••••••');
    expect(JSON.stringify(preview)).not.toContain(key);
    const posting = preview.body.messages[1].content;
    expect(posting).toContain('Title: Backend Developer\nCompany: Globex\nLocation: Lyon');
    expect(posting).toContain('Frozen posting: TypeScript and Rust, sync engine.');
    expect(posting).not.toContain('Typed later by the user.');

    expect((await app.api.invoke('ai.preview', { applicationId: typedIn })).body.messages[1].content).toContain('Pipelines in Python; SQL every day.');

    const refused = await app.api.call('ai.preview', { applicationId: empty });
    expect(refused.ok ? null : [refused.error.code, refused.error.details]).toEqual(['VALIDATION', { reason: 'no_posting' }]);
    expect(await outcome({ applicationId: empty })).toBe('VALIDATION no_posting');
    expect(chat.received).toEqual([]);
  });

  it('takes exactly one of opportunityId or applicationId', async () => {
    for (const input of [{}, { applicationId: captured, opportunityId: captured }, { applicationId: 'not-an-id' }, { applicationId: captured, extra: 1 }]) {
      const result = await app.api.call('ai.preview', input as never);
      expect(result.ok ? 'ok' : result.error.code, JSON.stringify(input)).toBe('VALIDATION');
    }
    const missing = await app.api.call('ai.preview', { applicationId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
  });

  it('analyses the application’s posting, sends exactly the preview, and writes nothing', async () => {
    const before = changeCount();
    const preview = await app.api.invoke('ai.preview', { applicationId: captured });
    const analysis = await app.api.invoke('ai.analyze', { applicationId: captured });
    expect(chat.received.at(-1)).toEqual({ path: '/ok/v1/chat/completions', authorization: `Bearer ${key}`, body: preview.body });
    expect(analysis.fields).toEqual(modelFields);
    // Required TypeScript (2 of 6 points) and preferred React (1 of 1): 3 of 7.
    expect(analysis).toMatchObject({ fitScore: 43, matchedSkills: ['TypeScript', 'React'], missingSkills: ['SQLite', 'Rust'] });
    expect(changeCount()).toEqual(before);
    expect(await app.api.invoke('applications.get', { id: captured })).toMatchObject({ requiredSkills: [], salaryMin: null, workMode: null });
  });

  it('gives each error its reason for an application too, and writes nothing', async () => {
    const before = changeCount();
    const cases: [string, string][] = [
      ['slow', 'UNAVAILABLE timeout'],
      ['error', 'UNAVAILABLE http_status'],
      ['malformed', 'UNAVAILABLE malformed'],
      ['wrong', 'UNAVAILABLE malformed'],
    ];
    for (const [mode, expected] of cases) {
      await app.api.invoke('ai.update', { baseUrl: `${chat.url}/${mode}/v1`, timeoutSeconds: 1 });
      expect(await outcome({ applicationId: captured }), mode).toBe(expected);
    }
    // Nothing listens on port 9 of the loopback: the network reason.
    await app.api.invoke('ai.update', { baseUrl: 'http://127.0.0.1:9/v1' });
    expect(await outcome({ applicationId: captured })).toBe('UNAVAILABLE network');
    await app.api.invoke('ai.update', { enabled: false, baseUrl: `${chat.url}/ok/v1` });
    const sent = chat.received.length;
    expect(await outcome({ applicationId: captured })).toBe('UNAVAILABLE off');
    expect(chat.received.length).toBe(sent);
    expect(changeCount()).toEqual(before);
  });
});
