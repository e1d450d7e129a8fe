import { useTranslation } from 'react-i18next';
import type { Company } from '../../../../src-shared/contract';
import { ExternalLink } from '../../ui/ExternalLink';
import { hostOf } from '../shared/labels';

/** The company's identity line under its name: website, industry, size, location (whatever is known). */
export function CompanyFacts({ company }: { company: Company }) {
  const { t } = useTranslation('companies');
  const facts = [
    company.industry,
    company.size ? t('sizeEmployees', { size: company.size }) : null,
    company.location,
  ].filter((fact): fact is string => Boolean(fact));
  if (!company.website && facts.length === 0) return null;
  return (
    <p className="co-facts">
      {company.website && <ExternalLink href={company.website}>{hostOf(company.website)}</ExternalLink>}
      {facts.map((fact) => (
        <span key={fact}>{fact}</span>
      ))}
    </p>
  );
}
