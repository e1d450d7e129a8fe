import { describe, expect, it } from 'vitest';
import { fileSource } from '../../src-shared/contract';

const content = (text: string) => fileSource.safeParse({ content: text, fileName: 'x.csv' });

describe('an uploaded file’s content', () => {
  it('accepts standard base64, padded or not needing padding, and the empty file', () => {
    for (const bytes of ['', 'a', 'ab', 'abc', 'é,ü\n', '\u0000\u00ff\u00fe']) {
      const text = Buffer.from(bytes, 'latin1').toString('base64');
      expect(content(text).success, JSON.stringify(text)).toBe(true);
    }
    expect(content(Buffer.from([0xfb, 0xff, 0xbf]).toString('base64')).success).toBe(true);
  });

  it('refuses what is not base64, with the base64 format issue', () => {
    for (const text of ['abc', 'ab$=', 'YWJj\n', 'YQ=a', 'Y===', '=YWJ', 'YWJj YWJj', 'YW-_']) {
      const result = content(text);
      expect(result.success, JSON.stringify(text)).toBe(false);
      expect(JSON.stringify(result.error?.issues), text).toContain('base64');
    }
  });
});
