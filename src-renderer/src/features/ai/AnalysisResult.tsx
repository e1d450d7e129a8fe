import { useTranslation } from 'react-i18next';
import type { AiAnalysis } from '../../../../src-shared/contract';
import { useFormat } from '../../ui/format';
import { salaryRangeOf } from './useFields';

function SkillList({ label, skills }: { label: string; skills: string[] }) {
  const { t } = useTranslation('ai');
  return (
    <div className="ai-result-row">
      <dt>{label}</dt>
      <dd>
        {skills.length === 0 ? (
          <span className="muted">{t('result.none')}</span>
        ) : (
          <ul className="ai-skills">
            {skills.map((skill) => (
              <li key={skill} className="badge">
                {skill}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </div>
  );
}

/** What the model read from the posting, and the fit computed here against the profile's skills. */
export function AnalysisResult({ analysis, profileHasSkills }: { analysis: AiAnalysis; profileHasSkills: boolean }) {
  const { t } = useTranslation(['ai', 'common']);
  const format = useFormat();
  const { fields } = analysis;
  const salary = salaryRangeOf(fields);
  const none = <span className="muted">{t('result.none')}</span>;
  return (
    <div className="ai-result">
      <section className="ai-fit" aria-labelledby="ai-fit-title">
        <h3 id="ai-fit-title">{t('result.fit')}</h3>
        {profileHasSkills ? (
          <>
            <p className="ai-fit-score">
              <meter min={0} max={100} low={40} high={70} optimum={100} value={analysis.fitScore} aria-labelledby="ai-fit-title" />
              <strong>{t('result.fitScore', { score: format.number(analysis.fitScore) })}</strong>
            </p>
            <dl className="ai-result-list">
              <SkillList label={t('result.matched')} skills={analysis.matchedSkills} />
              <SkillList label={t('result.missing')} skills={analysis.missingSkills} />
            </dl>
          </>
        ) : (
          <p className="muted">{t('result.fitNone')}</p>
        )}
      </section>
      <dl className="ai-result-list">
        <SkillList label={t('result.requiredSkills')} skills={fields.requiredSkills} />
        <SkillList label={t('result.preferredSkills')} skills={fields.preferredSkills} />
        <div className="ai-result-row">
          <dt>{t('result.experience')}</dt>
          <dd>{fields.yearsOfExperience === null ? none : t('result.experienceValue', { count: fields.yearsOfExperience })}</dd>
        </div>
        <div className="ai-result-row">
          <dt>{t('result.salary')}</dt>
          <dd>{salary ? format.salary(salary) : none}</dd>
        </div>
        <div className="ai-result-row">
          <dt>{t('result.remote')}</dt>
          <dd>{fields.remote ? t(`common:workMode.${fields.remote}`) : none}</dd>
        </div>
        <div className="ai-result-row">
          <dt>{t('result.summary')}</dt>
          <dd>
            <ul className="ai-summary">
              {fields.summary.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </div>
  );
}
