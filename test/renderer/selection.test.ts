import { describe, expect, it } from 'vitest';
import {
  isSelected,
  noSelection,
  resolveSelection,
  selectAll,
  selectedCount,
  toggleSelected,
  withSelected,
} from '../../src-renderer/src/features/applications/table/selection';
import { pagesFor } from '../../src-renderer/src/features/applications/table/usePagedApplications';

describe('table selection', () => {
  it('toggles single rows and adds ranges', () => {
    let selection = toggleSelected(noSelection, 'a');
    selection = withSelected(selection, ['b', 'c']);
    selection = toggleSelected(selection, 'b');
    expect(['a', 'b', 'c'].map((id) => isSelected(selection, id))).toEqual([true, false, true]);
    expect(selectedCount(selection, 100)).toBe(2);
  });

  it('keeps "select all" as all-but-exceptions and resolves ids only when asked', async () => {
    let selection = selectAll();
    selection = toggleSelected(selection, 'b');
    expect(selectedCount(selection, 100_000)).toBe(99_999);
    expect(isSelected(selection, 'zzz')).toBe(true);
    expect(isSelected(selection, 'b')).toBe(false);
    let asked = 0;
    const ids = await resolveSelection(selection, async () => {
      asked += 1;
      return ['a', 'b', 'c'];
    });
    expect(ids).toEqual(['a', 'c']);
    expect(asked).toBe(1);
    expect(await resolveSelection(toggleSelected(noSelection, 'x'), async () => ['never'])).toEqual(['x']);
  });

  it('fetches only the pages covering the visible rows', () => {
    expect(pagesFor(0, 99)).toEqual([0]);
    expect(pagesFor(150, 260)).toEqual([1, 2]);
    expect(pagesFor(99_950, 99_999)).toEqual([999]);
    expect(pagesFor(10, 5)).toEqual([]);
  });
});
