import { officeTheme } from './theme';
import { xmlDeclaration, xmlText } from './xml';

const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const packageRelationships = 'http://schemas.openxmlformats.org/package/2006/relationships';
const spreadsheetMain = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const officeDocument = 'application/vnd.openxmlformats-officedocument';

/** The parts every workbook has besides its sheets, by path in the archive. */
export function packageParts(sheetNames: readonly string[], now: Date): Record<string, string> {
  const numbers = sheetNames.map((_, index) => index + 1);
  const created = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    '[Content_Types].xml':
      xmlDeclaration +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${officeDocument}.spreadsheetml.sheet.main+xml"/>` +
      numbers.map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${officeDocument}.spreadsheetml.worksheet+xml"/>`).join('') +
      `<Override PartName="/xl/theme/theme1.xml" ContentType="${officeDocument}.theme+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${officeDocument}.spreadsheetml.styles+xml"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      `<Override PartName="/docProps/app.xml" ContentType="${officeDocument}.extended-properties+xml"/>` +
      '</Types>',
    '_rels/.rels':
      xmlDeclaration +
      `<Relationships xmlns="${packageRelationships}">` +
      `<Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="${packageRelationships}/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${relationships}/extended-properties" Target="docProps/app.xml"/>` +
      '</Relationships>',
    'docProps/app.xml':
      xmlDeclaration +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
      'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Candid</Application>' +
      `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheetNames.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${sheetNames.length}" baseType="lpstr">${sheetNames.map((name) => `<vt:lpstr>${xmlText(name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
      '</Properties>',
    'docProps/core.xml':
      xmlDeclaration +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<dc:creator>Candid</dc:creator><cp:lastModifiedBy>Candid</cp:lastModifiedBy>' +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
      '</cp:coreProperties>',
    'xl/workbook.xml':
      xmlDeclaration +
      `<workbook xmlns="${spreadsheetMain}" xmlns:r="${relationships}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>` +
      sheetNames.map((name, index) => `<sheet name="${xmlText(name)}" sheetId="${index + 1}" r:id="rId${index + 3}"/>`).join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      xmlDeclaration +
      `<Relationships xmlns="${packageRelationships}">` +
      `<Relationship Id="rId1" Type="${relationships}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId2" Type="${relationships}/theme" Target="theme/theme1.xml"/>` +
      numbers.map((n) => `<Relationship Id="rId${n + 2}" Type="${relationships}/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('') +
      '</Relationships>',
    'xl/theme/theme1.xml': xmlDeclaration + officeTheme,
  };
}
