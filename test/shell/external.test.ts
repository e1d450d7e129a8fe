import { beforeEach, describe, expect, it, vi } from 'vitest';
import { shellChannelInputs } from '../../src-shared/contract/shell';

const openExternal = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('electron', () => ({ shell: { openExternal } }));

const { openExternalSafely } = await import('../../src-main/shell/external');

const allowed = ['https://candid.fr/', 'http://localhost:8080/offre?id=3', 'mailto:rh@example.fr?subject=Candidature'];
const refused = [
  'javascript:alert(document.cookie)',
  'JavaScript:alert(1)',
  'file:///etc/passwd',
  'smb://server/share',
  'ms-msdt:/id PCWDiagnostic',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'not a url',
  '',
];

describe('shell.openExternal', () => {
  beforeEach(() => openExternal.mockClear());

  it('opens http, https and mailto URLs in the system', async () => {
    for (const url of allowed) expect(await openExternalSafely(url)).toBe(true);
    expect(openExternal.mock.calls.map((call) => (call as unknown[])[0])).toEqual(allowed.map((url) => new URL(url).href));
  });

  it('refuses javascript:, file:, smb: and every other scheme without calling the OS', async () => {
    for (const url of refused) expect(await openExternalSafely(url)).toBe(false);
    expect(await openExternalSafely(42)).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('has an input schema that parses with new URL and keeps only the three schemes', () => {
    const schema = shellChannelInputs['shell.openExternal'];
    for (const url of allowed) expect(schema.safeParse({ url }).success).toBe(true);
    for (const url of refused) expect(schema.safeParse({ url }).success).toBe(false);
    expect(schema.safeParse({ url: 'https://a.example/', extra: 1 }).success).toBe(false);
  });
});
