/** English strings of the quick add (N, the palette, the "+" of a board column). */
export default {
  title: 'New application',
  hint: 'Enter adds it. Everything else (dates, salary, notes…) can wait, or go to the full form.',
  save: 'Add',
  fullForm: 'Full form…',
  added: '{{position}} at {{company}} added to {{stage}}.',
  addToStage: 'Add an application to {{stage}}',
  palette: 'New application (quick add)',
  paletteFullForm: 'New application (full form)',
};
