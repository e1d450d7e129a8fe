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

/**
 * Whether a text holds more than `limit` ASCII letters and digits. Folding a text into its key (`valueKey`) keeps
 * every one of them (only accents, case and punctuation go), so such a text's key is longer than `limit`: it is none
 * of a list's short keys, told without the Unicode folding.
 */
export function hasMoreAsciiLettersThan(text: string, limit: number): boolean {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const isLetterOrDigit = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
    if (isLetterOrDigit && ++count > limit) return true;
  }
  return false;
}

/** Whether `key` contains `phrase` as whole words. */
export function containsPhrase(key: string, phrase: string): boolean {
  return ` ${key} `.includes(` ${phrase} `);
}
