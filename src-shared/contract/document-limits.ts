/** Limits of attached documents. Without zod: the document list on the first screen reads them. */
export const documentLimits = {
  /** Files above this are refused before they are read whole. */
  maxFileBytes: 25 * 1024 * 1024,
  maxLinks: 200,
} as const;
