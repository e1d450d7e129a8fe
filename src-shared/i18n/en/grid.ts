/** English strings of the applications table's column sizing and inline editing. */
export default {
  resize: 'Width of the column {{column}}',
  resizeHint: 'Drag, or use ← → (Shift for bigger steps). Double-click or Enter fits the content.',
};
