import { echarts, type ChartOption } from './echarts';

/** Offers a file to the user: a download in the browser, the save dialog in the desktop app. */
function offer(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function blobOfDataUrl(dataUrl: string): Blob {
  const [header, data] = dataUrl.split(',');
  const bytes = Uint8Array.from(atob(data), (character) => character.charCodeAt(0));
  return new Blob([bytes], { type: header.slice(5, header.indexOf(';')) });
}

/** The chart as drawn, at twice the resolution, on the card's background (a transparent PNG reads badly). */
export function savePng(chart: echarts.ECharts, fileName: string, background: string): void {
  offer(fileName, blobOfDataUrl(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background })));
}

/** The same option drawn by the SVG renderer off screen, at the size shown. */
export function renderSvg(option: ChartOption, width: number, height: number, background: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, backgroundColor: background, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function saveSvg(option: ChartOption, size: { width: number; height: number }, fileName: string, background: string): void {
  offer(fileName, new Blob([renderSvg(option, size.width, size.height, background)], { type: 'image/svg+xml' }));
}

/** `candid-timeline-2025-03-12.png`: the chart and the day it was saved. */
export function chartFileName(chart: string, extension: 'png' | 'svg', now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `candid-${chart}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}
