/** English strings of stage moves and of the dates they set. Keys must match fr/moves.ts. */
export default {
  moved: 'Moved to {{stage}}.',
  movedAndApplied: 'Moved to {{stage}}; applied on {{date}}.',
  undoFailed: 'The move could not be undone: the application changed since.',
  deadlineBeforeApplied: 'This deadline is before the applied date.',
};
