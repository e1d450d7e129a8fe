import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobChannels } from '../../src-shared/contract/jobs';
import { languages, namespaces, resources } from '../../src-shared/i18n';
import { findHardcodedText, tsxFilesUnder } from './hardcoded-text';

const root = path.resolve(import.meta.dirname, '../..');

/** Every key of a catalogue as a dotted path, with its value. */
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const keys = new Map<string, unknown>();
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, leaf] of flatten(child, prefix ? `${prefix}.${key}` : key)) keys.set(path, leaf);
    }
  } else {
    keys.set(prefix, value);
  }
  return keys;
}

const catalogue = (language: string, namespace: string) =>
  flatten((resources as unknown as Record<string, Record<string, unknown>>)[language][namespace]);

describe('catalogues', () => {
  it('name every kind of job in the progress panel, in both languages', () => {
    for (const language of languages) {
      const jobs = catalogue(language, 'jobs');
      const unnamed = jobChannels.filter((channel) => typeof jobs.get(`channel.${channel}`) !== 'string');
      expect(unnamed, language).toEqual([]);
    }
  });

  it('are registered for both languages with the same namespaces', () => {
    expect(languages).toEqual(['en', 'fr']);
    expect(Object.keys(resources.fr).sort()).toEqual(Object.keys(resources.en).sort());
  });

  it.each(namespaces)('namespace %s has every key in both languages, each a non-empty text', (namespace) => {
    const english = catalogue('en', namespace);
    const french = catalogue('fr', namespace);
    const missingInFrench = [...english.keys()].filter((key) => !french.has(key));
    const missingInEnglish = [...french.keys()].filter((key) => !english.has(key));
    expect({ missingInFrench, missingInEnglish }).toEqual({ missingInFrench: [], missingInEnglish: [] });
    for (const [language, keys] of [['en', english], ['fr', french]] as const) {
      const empty = [...keys].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => `${language}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it.each(namespaces)('namespace %s: every plural has its "one" and "other" forms, and both use the same placeholders', (namespace) => {
    for (const language of languages) {
      const keys = catalogue(language, namespace);
      const problems: string[] = [];
      for (const key of keys.keys()) {
        const plural = /^(.*)_(one|other)$/.exec(key);
        if (plural && (!keys.has(`${plural[1]}_one`) || !keys.has(`${plural[1]}_other`))) problems.push(`${language}:${key}`);
      }
      expect(problems).toEqual([]);
    }
    // A placeholder that exists in one language only is a sentence that lost (or invented) a value.
    const english = catalogue('en', namespace);
    const french = catalogue('fr', namespace);
    const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]).sort();
    const mismatched = [...english.keys()].filter((key) => french.has(key) && placeholders(english.get(key)).join() !== placeholders(french.get(key)).join());
    expect(mismatched).toEqual([]);
  });

  it.each(namespaces)('namespace %s: the French texts write the apostrophe one way, the typographic one (l’offre)', (namespace) => {
    const straight = [...catalogue('fr', namespace)].filter(([, text]) => typeof text === 'string' && /\p{L}'\p{L}/u.test(text));
    expect(straight.map(([key]) => key)).toEqual([]);
  });
});

describe('no hard-coded user-facing text in the renderer', () => {
  const files = tsxFilesUnder(path.join(root, 'src-renderer'));

  it('finds the renderer files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('has no JSX text, aria-label, title, placeholder or alt written as a literal', () => {
    const found = files.flatMap((file) => findHardcodedText(path.relative(root, file), fs.readFileSync(file, 'utf8')));
    expect(found.map((hit) => `${hit.file}:${hit.line} ${hit.text}`)).toEqual([]);
  });

  it('would catch each kind of literal (the scanner itself works)', () => {
    const sample = `
      export function Sample() {
        return (
          <div title="Title here" aria-label={'Label here'}>
            Hello world
            {'Quoted text'}
            <input placeholder="Type here" />
            <img alt="Picture" />
            <span aria-hidden="true">–</span>
            {t('translated')}
          </div>
        );
      }`;
    const found = findHardcodedText('sample.tsx', sample).map((hit) => hit.text);
    expect(found).toEqual(['title="Title here"', 'aria-label="Label here"', 'Hello world', 'Quoted text', 'placeholder="Type here"', 'alt="Picture"']);
  });
});
