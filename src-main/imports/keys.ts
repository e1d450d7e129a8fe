import { words } from '../../src-shared/text';

/**
 * The comparable form of a header: case, accents, punctuation and camelCase folded, so "Date d'envoi",
 * "date_envoi" and "dateEnvoi" all compare as words ("date d envoi", "date envoi"). Headers are often keys of a
 * program's export (appliedDate, JobTitle), so camelCase is split.
 */
export function matchKey(text: string): string {
  return words(text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')).join(' ');
}

/**
 * The comparable form of a value: case, accents and punctuation folded, but a word is kept whole ("ZipRecruiter"
 * stays one word, so it is not the source "recruiter"). Also the key of the wizard's value maps.
 */
export function valueKey(text: string): string {
  return words(text).join(' ');
}

/** Whether `key` contains `phrase` as whole words. */
export function containsPhrase(key: string, phrase: string): boolean {
  return ` ${key} `.includes(` ${phrase} `);
}
