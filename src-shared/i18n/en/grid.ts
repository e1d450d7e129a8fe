/** English strings of the applications table's column sizing and inline editing. */
export default {
  resize: 'Width of the column {{column}}',
  resizeHint: 'Drag, or use ← → (Shift for bigger steps). Double-click or Enter fits the content.',
  editLabel: '{{field}} of {{position}}',
  saved: '{{field}} of {{position}} changed.',
  none: 'None',
  salaryInvalid: 'Type an amount or a range, such as 45000–55000 or 45k–55k.',
  salaryPlaceholder: '45000–55000',
  nextStepTitle: 'Next step',
  nextStepDue: 'Due on',
  nextStepPlaceholder: 'Follow up, send the portfolio…',
  shortcuts: {
    moveCell: 'Move between cells',
    edit: 'Edit the cell (or type to replace it); opens the application where there is nothing to edit',
    cancel: 'Cancel the edit',
    saveAndMove: 'Save the edit and go to the next cell',
  },
};
