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

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be drawn'));
    image.src = url;
  });
}

export interface PngCaption {
  title: string;
  /** The period shown, under the title. */
  period: string;
  text: string;
  muted: string;
  background: string;
}

/**
 * The chart as drawn, at twice the resolution, on the card's background (a transparent PNG reads badly), under its
 * title and the period it covers: a picture pasted into a document or a message still says what it shows.
 */
export async function savePng(chart: echarts.ECharts, fileName: string, caption: PngCaption): Promise<void> {
  const scale = 2;
  const image = await loadImage(chart.getDataURL({ type: 'png', pixelRatio: scale, backgroundColor: caption.background }));
  const header = (caption.period ? 64 : 40) * scale;
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height + header;
  const context = canvas.getContext('2d')!;
  context.fillStyle = caption.background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  const font = getComputedStyle(document.body).fontFamily;
  context.textBaseline = 'top';
  context.fillStyle = caption.text;
  context.font = `600 ${16 * scale}px ${font}`;
  context.fillText(caption.title, 16 * scale, 12 * scale, canvas.width - 32 * scale);
  if (caption.period) {
    context.fillStyle = caption.muted;
    context.font = `${13 * scale}px ${font}`;
    context.fillText(caption.period, 16 * scale, 38 * scale, canvas.width - 32 * scale);
  }
  context.drawImage(image, 0, header);
  offer(fileName, blobOfDataUrl(canvas.toDataURL('image/png')));
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
