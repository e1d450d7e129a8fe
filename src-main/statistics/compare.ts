/** Orders text values alphabetically, "not specified" (null) last. */
export const compareNullsLast = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b);
