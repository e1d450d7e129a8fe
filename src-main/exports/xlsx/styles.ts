import type { ExportLanguage } from '../../../src-shared/contract';
import type { ColumnKind } from '../table';
import { xmlDeclaration } from './xml';

/** Number formats: ISO dates in English (unambiguous), day/month/year in French; thousands separators for money. */
const dateFormats: Record<ExportLanguage, { date: string; dateTime: string }> = {
  en: { date: 'yyyy-mm-dd', dateTime: 'yyyy-mm-dd hh:mm' },
  fr: { date: 'dd/mm/yyyy', dateTime: 'dd/mm/yyyy hh:mm' },
};

/**
 * The cell formats of every workbook, by index (the `s` of a cell). 0 is the default, left off the cells: text,
 * booleans and plain numbers ('General') have it. Built-in number formats: 1 is `0`, 3 is `#,##0`.
 */
export const headerStyle = 1;
const kindStyles: Record<ColumnKind, number> = {
  text: 0,
  boolean: 0,
  number: 0,
  date: 2,
  dateTime: 3,
  money: 4,
  integer: 5,
  decimal: 6,
  percent: 7,
  url: 8,
  longText: 9,
};

export const styleOf = (kind: ColumnKind): number => kindStyles[kind];

/** xl/styles.xml: the formats above, the header's bold font, fill and bottom border, links blue and underlined. */
export function stylesXml(language: ExportLanguage): string {
  const formats = dateFormats[language];
  const left = '<alignment horizontal="left"/>';
  return (
    xmlDeclaration +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<numFmts count="4"><numFmt numFmtId="164" formatCode="${formats.date}"/><numFmt numFmtId="165" formatCode="${formats.dateTime}"/>` +
    '<numFmt numFmtId="166" formatCode="0.0"/><numFmt numFmtId="167" formatCode="0.0%"/></numFmts>' +
    '<fonts count="3">' +
    '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
    '<font><b/><sz val="11"/><color rgb="FF1F2937"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
    '<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
    '</fonts>' +
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
    '<fill><patternFill patternType="solid"><fgColor rgb="FFE5EDF7"/></patternFill></fill></fills>' +
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
    '<border><left/><right/><top/><bottom style="thin"><color rgb="FF94A3B8"/></bottom><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="10">' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">' +
    '<alignment horizontal="left" vertical="center"/></xf>' +
    `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">${left}</xf>` +
    `<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">${left}</xf>` +
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>' +
    '</cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '</styleSheet>'
  );
}
