import type { TooltipComponentOption } from 'echarts/components';
import { baseOption, type Palette } from './palette';

/**
 * The start of a chart that draws one bar per row of a list along a category axis: the theme's base option and
 * an axis tooltip (with a shadow over the hovered bar) that describes the hovered row. `rows` must be in the
 * order of the category axis; `describe` returns the tooltip's HTML (escape what the user typed).
 */
export function rowsOption<Row>(palette: Palette, rows: readonly Row[], describe: (row: Row) => string) {
  const base = baseOption(palette);
  const tooltip: TooltipComponentOption = {
    ...base.tooltip,
    trigger: 'axis',
    axisPointer: { type: 'shadow' },
    formatter: (params: unknown) => describe(rows[(params as { dataIndex: number }[])[0].dataIndex]),
  };
  return { ...base, tooltip };
}
