import fs from 'node:fs';
import { cities, companies as syntheticCompanies, day, positions as syntheticPositions, sources, statuses as syntheticStatuses, types } from './synthetic';
import { sheetEnd, sheetStart, stringsEnd, stringsStart, writeWorkbook } from './zip-writer';

/**
 * The hostile and the large import files of issue 18, made in a test's temp folder: written a chunk at a time, so
 * that making them costs no more memory than reading them should.
 */

function writeChunks(file: string, chunks: Iterable<string>): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const chunk of chunks) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * An XLSX of 15 million small cells (a million rows of 15 numbers, written without cell references as Excel
 * allows): tens of megabytes zipped, its worksheet ~270 MB inflated, under the part limit, so that the cells are
 * what is refused.
 */
export function writeCellsBomb(file: string): void {
  writeWorkbook(
    file,
    function* () {
      yield sheetStart;
      let xml = '';
      for (let row = 1; row <= 1_000_000; row += 1) {
        xml += '<row>';
        for (let column = 0; column < 15; column += 1) xml += `<c><v>${(row * 7 + column * 13) % 1000}</v></c>`;
        xml += '</row>';
        if (xml.length > 1_000_000) {
          yield xml;
          xml = '';
        }
      }
      yield xml + sheetEnd;
    },
    () => [stringsStart, stringsEnd],
  );
}

/** A 100 MB CSV of tiny rows ("a,b"): 26 million of them. */
export function writeTinyRowsCsv(file: string): void {
  const block = 'a,b\n'.repeat(262_144);
  writeChunks(file, (function* () {
    for (let index = 0; index < 100; index += 1) yield block;
  })());
}

/** An XLSX of well under 1 MB whose shared-strings part inflates to ~468 MB (honest about it, or lying). */
export function writeSharedStringsBomb(file: string, lie = false): void {
  writeWorkbook(
    file,
    () => [`${sheetStart}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${sheetEnd}`],
    function* () {
      yield stringsStart;
      const string = `<si><t>${'a'.repeat(1_000_000)}</t></si>`;
      for (let index = 0; index < 468; index += 1) yield string;
      yield stringsEnd;
    },
    lie ? { sharedStrings: 4096 } : {},
  );
}

/** The synthetic tracker's words, with more companies and longer titles: real rows are longer than its. */
const companies = [...syntheticCompanies, 'Michelin', 'Renault'];
const positions = syntheticPositions.map((position, index) => `${position} ${['confirmé', 'embarqué', 'marketing', 'paiements'][index % 4]}`);
const statuses = [...syntheticStatuses, 'Entretien RH'];

/**
 * A realistic large tracker: `rows` rows of about 165 bytes (585,000 make ~95 MB), French, semicolons, a few
 * thousand companies, posting links, salaries, contacts and notes, a response date on the rows that had one.
 */
export function writeRealisticCsv(file: string, rows: number): void {
  writeChunks(file, (function* () {
    yield 'Entreprise;Poste;Date de candidature;Statut;Date de réponse;Moyen;Type de poste;Lieu;Salaire;Lien;Contact;Commentaire\r\n';
    let batch = '';
    for (let index = 0; index < rows; index += 1) {
      const status = statuses[index % statuses.length];
      const answered = status !== 'En attente' && status !== 'Pas de réponse';
      batch += [
        `${companies[index % companies.length]} ${Math.floor(index / companies.length) % 400}`,
        `${positions[index % positions.length]}${index % 3 === 0 ? ` (équipe ${index % 50})` : ''}`,
        day(index % 900),
        status,
        answered ? day(index % 900, 9) : '',
        sources[index % sources.length],
        types[index % types.length],
        cities[index % cities.length],
        index % 2 === 0 ? `${40 + (index % 20)}-${45 + (index % 20)}k€` : '',
        `https://jobs.example.com/offres/${index}`,
        index % 5 === 0 ? `Recruteur ${index % 300}` : '',
        index % 4 === 0 ? `"Relancé le ${day(index % 900, 5)}; ""très"" motivé"` : 'RAS',
      ].join(';');
      batch += '\r\n';
      if (batch.length > 1_000_000) {
        yield batch;
        batch = '';
      }
    }
    yield batch;
  })());
}
