/** A job-search spreadsheet of any size, French headers and values, deterministic (for measurements and tests). */
export const companies = ['Airbus', 'Société Générale', 'Decathlon', 'L’Oréal', 'Capgemini', 'Doctolib', 'BlaBlaCar', 'Thales', 'Orange', 'Ubisoft'];
export const positions = ['Développeur Java', 'Ingénieur logiciel', 'Data analyst', 'Chef de projet digital', 'Développeur front-end React', 'DevOps', 'Product owner', 'Consultant SAP'];
export const statuses = ['En attente', 'Refusé', 'Entretien', 'Pas de réponse', 'Offre', 'En attente'];
export const sources = ['LinkedIn', 'Indeed', 'Welcome to the Jungle', 'Site de l’entreprise', 'Cooptation', 'APEC'];
export const types = ['CDI', 'CDD', 'Stage', 'Alternance', 'Freelance'];
export const cities = ['Paris', 'Lyon', 'Toulouse', 'Lille', 'Nantes', 'Bordeaux'];

/** The row's applied date plus `offset` days (dd/mm/yyyy, in a 600-day window). */
export function day(index: number, offset = 0): string {
  const date = new Date(Date.UTC(2023, 0, 1) + ((index % 600) + offset) * 86_400_000);
  return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
}

export function syntheticCsv(rows: number): string {
  const lines = ['Entreprise;Poste;Date de candidature;Statut;Date de réponse;Moyen;Type de poste;Lieu;Lien;Commentaire'];
  for (let index = 0; index < rows; index += 1) {
    const status = statuses[index % statuses.length];
    const answered = status !== 'En attente' && status !== 'Pas de réponse';
    lines.push(
      [
        // 2,000 companies: a big company gets many applications, as in real searches.
        `${companies[index % companies.length]} ${Math.floor(index / companies.length) % 200}`,
        positions[index % positions.length],
        day(index),
        status,
        answered ? day(index, 9) : '',
        sources[index % sources.length],
        types[index % types.length],
        cities[index % cities.length],
        index % 3 === 0 ? `https://jobs.example.com/offers/${index}` : '',
        index % 4 === 0 ? `"Relancé le ${day(index, 5)}; ""très"" motivé"` : '',
      ].join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
