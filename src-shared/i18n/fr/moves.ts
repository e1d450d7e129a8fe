import type en from '../en/moves';

/** Chaînes françaises des changements d'étape et des dates qu'ils fixent. Mêmes clés que en/moves.ts. */
export default {
  moved: 'Déplacée vers « {{stage}} ».',
  movedAndApplied: 'Déplacée vers « {{stage}} » ; envoyée le {{date}}.',
  undoFailed: 'Le déplacement n’a pas pu être annulé : la candidature a changé depuis.',
  deadlineBeforeApplied: 'Cette date limite est antérieure à la date d’envoi.',
} satisfies typeof en;
