/**
 * Text widths for sizing columns to their content, measured with a 2D canvas in the table's own font: no layout,
 * no DOM per cell, so measuring a page of rows costs a few milliseconds.
 */
let context: CanvasRenderingContext2D | null | undefined;

/** Widths of texts in `element`'s font; `weight` overrides its weight (bold cells, headers). */
export function textMeasurer(element: Element): (text: string, weight?: number) => number {
  const style = getComputedStyle(element);
  context ??= document.createElement('canvas').getContext('2d');
  const canvas = context;
  if (!canvas) return (text) => text.length * 8;
  return (text, weight) => {
    canvas.font = `${weight ?? style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    return canvas.measureText(text).width;
  };
}
