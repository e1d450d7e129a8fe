import { words } from '../../src-shared/text';

/**
 * The comparable form of a header or a value: case, accents, punctuation and camelCase folded, so "Date d'envoi",
 * "date_envoi" and "dateEnvoi" all compare as words ("date d envoi", "date envoi").
 */
export function matchKey(text: string): string {
  return words(text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')).join(' ');
}

/** Whether `key` contains `phrase` as whole words. */
export function containsPhrase(key: string, phrase: string): boolean {
  return ` ${key} `.includes(` ${phrase} `);
}
