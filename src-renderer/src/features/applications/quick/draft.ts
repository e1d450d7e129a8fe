import { z } from 'zod';

/**
 * What was typed in the quick add, carried to the full form when the user asks for it (router state, so a
 * reload or a link never brings it back). Parsed where it is read: history state outlives this version's code.
 */
export const quickAddDraft = z.object({
  companyId: z.string().max(100),
  companyName: z.string().max(500),
  position: z.string().max(500),
  postingUrl: z.string().max(5000),
  stageId: z.string().max(100),
});
export type QuickAddDraft = z.infer<typeof quickAddDraft>;

/** The draft in a router location's state, or null when there is none (or it is not one). */
export function draftOf(state: unknown): QuickAddDraft | null {
  const parsed = z.object({ quickAddDraft }).safeParse(state);
  return parsed.success ? parsed.data.quickAddDraft : null;
}
