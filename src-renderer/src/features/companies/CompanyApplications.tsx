import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { stageCategories, type CompanyDetail, type StageCategory } from '../../../../src-shared/contract';
import { useFormat } from '../../ui/format';
import { StageBadge } from '../../ui/StageBadge';

const rank = (category: StageCategory) => stageCategories.indexOf(category);

/** What happened each time the user applied here, and the figures that sum it up. */
export function CompanyApplications({ company }: { company: CompanyDetail }) {
  const { t } = useTranslation('companies');
  const format = useFormat();
  const applications = company.applications;
  const answered = applications.filter((application) => application.firstResponseOn !== null).length;
  const furthest = applications.reduce<StageCategory | null>(
    (best, application) => (best === null || rank(application.furthestCategory) > rank(best) ? application.furthestCategory : best),
    null,
  );

  return (
    <section className="card rec-card" aria-labelledby="company-applications">
      <h2 id="company-applications">{t('applications.title')}</h2>
      <dl className="co-summary">
        <div>
          <dt>{t('summary.applications')}</dt>
          <dd>{format.number(applications.length)}</dd>
        </div>
        <div>
          <dt>{t('summary.answered')}</dt>
          <dd>{t('summary.answeredValue', { answered: format.number(answered), total: format.number(applications.length) })}</dd>
        </div>
        <div>
          <dt>{t('summary.medianResponse')}</dt>
          <dd>{company.medianDaysToResponse === null ? t('summary.unknown') : t('days', { count: company.medianDaysToResponse, formatted: format.number(company.medianDaysToResponse) })}</dd>
        </div>
        <div>
          <dt>{t('summary.furthest')}</dt>
          <dd>{furthest ? t(`common:stageCategory.${furthest}`) : t('summary.unknown')}</dd>
        </div>
      </dl>
      {applications.length === 0 ? (
        <p className="muted">{t('applications.empty')}</p>
      ) : (
        <table className="rec-table">
          <thead>
            <tr>
              <th scope="col">{t('applications.position')}</th>
              <th scope="col">{t('applications.appliedOn')}</th>
              <th scope="col">{t('applications.currentStage')}</th>
              <th scope="col">{t('applications.furthest')}</th>
              <th scope="col" className="rec-num">
                {t('applications.responseTime')}
              </th>
            </tr>
          </thead>
          <tbody>
            {applications.map((application) => (
              <tr key={application.id}>
                <td>
                  <Link to={`/applications/${application.id}`}>{application.position}</Link>
                  {application.archived && <span className="rec-chip co-archived">{t('applications.archived')}</span>}
                </td>
                <td>{application.appliedOn ? format.date(application.appliedOn) : <span className="muted">{t('summary.unknown')}</span>}</td>
                <td>
                  <StageBadge name={application.stageName} category={application.stageCategory} />
                </td>
                <td>
                  <StageBadge name={null} category={application.furthestCategory} />
                </td>
                <td className="rec-num">
                  {application.daysToFirstResponse === null ? (
                    <span className="muted">{t('applications.noResponse')}</span>
                  ) : (
                    t('days', { count: application.daysToFirstResponse, formatted: format.number(application.daysToFirstResponse) })
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
