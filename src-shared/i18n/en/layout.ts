/** English strings of how the screens fit the window: panes, sidebar, board density, the File menu, failed cards. Keys must match fr/layout.ts. */
export default {
  cardFailed: 'This figure could not be shown: {{reason}} The rest of the dashboard is not affected.',
  cardDrawFailed: 'A stored value could not be drawn.',
  leave: { saveAndLeave: 'Save and leave' },
  board: { compact: 'Compact' },
  files: {
    menu: 'File',
    showDataFolder: 'Where the data folder is',
  },
  sidebar: {
    collapse: 'Fold the sidebar',
    expand: 'Unfold the sidebar',
    toggle: 'Fold or unfold the sidebar',
  },
};
