/** Case- and accent-insensitive key of a name: "Société Générale" and "societe  generale" share one. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a text for matching: accents and case folded, punctuation dropped. */
export function words(text: string): string[] {
  return nameKey(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
