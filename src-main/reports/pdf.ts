import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { SearchActivity } from './activities';
import type { ReportText } from './templates';
import { fillTemplate } from '../exports/labels';

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans, embedded (subset) in every report: PDF's built-in Helvetica is not embedded and knows only the
 * WinAnsi characters, so names such as "Łukasz" or "Ştefan" would come out wrong; DejaVu covers the Latin,
 * Greek and Cyrillic scripts. From the pinned dejavu-fonts-ttf package, read from node_modules at run time.
 */
const fonts = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

const margin = 36;
const fontSize = 8.5;
const headerSize = 8;
const padding = 3;

export interface PdfReport {
  text: ReportText;
  from: string;
  to: string;
  person: string | null;
  producedOn: string;
  activities: SearchActivity[];
}

/**
 * Writes the report as a landscape A4 PDF: a title, the period and the person, then one table row per activity
 * (cells wrap; a row never splits across pages; the header repeats on each page) and "page n of N" at the foot.
 */
export async function writeReportPdf(out: Writable, report: PdfReport, onRow: (done: number) => void): Promise<void> {
  const { text } = report;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin,
    font: fonts.regular,
    bufferPages: true,
    info: { Title: text.title, Creator: 'Candid', Producer: 'Candid' },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.pipe(out);

  const pageWidth = doc.page.width - 2 * margin;
  const totalWeight = text.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = text.columns.map((column) => (pageWidth * column.width) / totalWeight);
  const bottom = () => doc.page.height - margin - 14;

  doc.font('bold').fontSize(14).text(text.title, margin, margin);
  doc.moveDown(0.3);
  doc.font('regular').fontSize(9);
  doc.text(fillTemplate(text.words.period, { from: text.formatDay(report.from), to: text.formatDay(report.to) }));
  if (report.person) doc.text(fillTemplate(text.words.person, { name: report.person }));
  doc.text(fillTemplate(text.words.produced, { date: text.formatDay(report.producedOn) }));
  doc.moveDown(0.8);

  const rowHeight = (cells: string[], font: string, size: number) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((cell, index) => doc.heightOfString(cell || ' ', { width: widths[index] - 2 * padding }))) + 2 * padding;
  };
  const drawRow = (cells: string[], font: string, size: number, shaded: boolean) => {
    const height = rowHeight(cells, font, size);
    const top = doc.y;
    let x = margin;
    if (shaded) doc.save().rect(margin, top, pageWidth, height).fill('#e8e8e8').restore();
    doc.font(font).fontSize(size).fillColor('black');
    cells.forEach((cell, index) => {
      doc.text(cell, x + padding, top + padding, { width: widths[index] - 2 * padding });
      doc.save().lineWidth(0.5).strokeColor('#888888').rect(x, top, widths[index], height).stroke().restore();
      x += widths[index];
    });
    doc.x = margin;
    doc.y = top + height;
  };
  const headers = text.columns.map((column) => text.header(column.column));
  const drawHeader = () => drawRow(headers, 'bold', headerSize, true);

  drawHeader();
  if (report.activities.length === 0) {
    doc.moveDown(0.5).font('regular').fontSize(fontSize).text(text.words.empty, margin);
  }
  report.activities.forEach((activity, index) => {
    const cells = text.columns.map((column) => text.cell(activity, column.column, 'local'));
    if (doc.y + rowHeight(cells, 'regular', fontSize) > bottom()) {
      doc.addPage();
      drawHeader();
    }
    drawRow(cells, 'regular', fontSize, false);
    onRow(index + 1);
  });

  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    doc.switchToPage(page);
    const label = fillTemplate(text.words.page, { page: page + 1, pages: range.count });
    // Below the bottom margin: without lifting it, writing there would open a new page.
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(7.5).fillColor('#444444').text(label, margin, doc.page.height - margin + 6, { width: pageWidth, align: 'right', lineBreak: false });
    doc.page.margins.bottom = keep;
  }
  doc.end();
}
