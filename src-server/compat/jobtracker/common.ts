/** The key of JobTracker SaaS's values in `external_fields` (src-server/compat/kept.ts). */
export const api = 'jobtracker';

/** JobTracker SaaS's own messages (in French, as that API answers). */
export const notFoundDetail = {
  application: 'Candidature non trouvée',
  interview: 'Entretien non trouvé',
  route: 'Not Found',
};

/** The name of the 'api' device its sessions belong to (Settings ▸ Sync lists it; revoking it ends them). */
export const apiDeviceName = 'JobTracker SaaS API';
