/** English strings of the board. Keys must match fr/board.ts. */
export default {
  title: 'Board',
  hint: 'Drag a card to another column to change its stage — or focus it, press Space, then ← →.',
  instructions:
    'To move this application to another stage, press Space to pick it up, the left and right arrows to choose a column, and Space again to drop it. Escape cancels. Enter opens it.',
  card: { favorite: 'Favourite', roleDescription: 'movable application' },
  column: {
    count_one: '{{count}} application',
    count_other: '{{count}} applications',
    empty: 'Nothing here.',
    collapse: 'Fold the {{stage}} column',
    expand: 'Unfold the {{stage}} column',
    showMore: 'Show more ({{shown}} of {{total}})',
    openInTable: 'See all {{total}} in the table',
  },
  announce: {
    start: 'Picked up {{position}}.',
    over: 'Over the {{stage}} column.',
    outside: 'Not over a column.',
    dropped: '{{position}} dropped in {{stage}}.',
    cancelled: 'Move of {{position}} cancelled.',
  },
};
