import type { TFunction } from 'i18next';

/** "Company — Position", the way an application is named everywhere. */
export function applicationLabel(t: TFunction, application: { companyName: string; position: string }): string {
  return t('records:applicationLabel', { company: application.companyName, position: application.position });
}

/** The host of a web address for display ("acme.com"), or the address itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}
