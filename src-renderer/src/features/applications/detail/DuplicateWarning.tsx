import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWatch, type Control } from 'react-hook-form';
import { keepPreviousData } from '@tanstack/react-query';
import { useChannel } from '../../../api/hooks';
import { Icon } from '../../../ui/Icon';
import { StageBadge } from '../../../ui/StageBadge';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import type { ApplicationFormValues } from './formModel';

/**
 * Warns before applying twice: the same posting or a similar position at this company
 * (applications.duplicates), and what happened the previous times (rejections, ghosting).
 */
export function DuplicateWarning({ control, excludeId }: { control: Control<ApplicationFormValues>; excludeId?: string }) {
  const { t } = useTranslation('applications');
  const [companyId, companyName, position, postingUrl] = useWatch({ control, name: ['companyId', 'companyName', 'position', 'postingUrl'] });
  // Asked once typing pauses, not on every key.
  const key = useDebouncedValue(
    JSON.stringify({
      companyId: companyId || undefined,
      companyName: companyId ? undefined : companyName.trim() || undefined,
      position: position.trim() || undefined,
      postingUrl: postingUrl.trim() || undefined,
      excludeId,
    }),
    300,
  );
  const query = JSON.parse(key) as { companyId?: string; companyName?: string; position?: string; postingUrl?: string; excludeId?: string };
  const enabled = Boolean(query.companyId || query.companyName || query.postingUrl);
  const { data } = useChannel('applications.duplicates', query, { enabled, placeholderData: keepPreviousData });
  if (!enabled || !data) return null;

  const history = data.companyHistory;
  const badEndings = history ? history.rejected + history.ghosted : 0;
  if (data.matches.length === 0 && badEndings === 0) return null;

  return (
    <div className="notice duplicate-warning" role="status">
      <Icon name="alert" />
      <div>
        {data.matches.length > 0 && (
          <>
            <p className="duplicate-title">{t('duplicates.title', { count: data.matches.length })}</p>
            <ul className="duplicate-list">
              {data.matches.slice(0, 5).map((match) => (
                <li key={match.application.id}>
                  <Link to={`/applications/${match.application.id}`}>
                    {match.application.position} · {match.application.companyName}
                  </Link>{' '}
                  <StageBadge name={match.application.stageName} category={match.application.stageCategory} />{' '}
                  <span>{t(`duplicates.reason.${match.reason}`)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {history && badEndings > 0 && (
          <p>
            {[
              history.rejected > 0 && t('duplicates.rejected', { count: history.rejected }),
              history.ghosted > 0 && t('duplicates.ghosted', { count: history.ghosted }),
            ]
              .filter(Boolean)
              .join(' ')}
          </p>
        )}
      </div>
    </div>
  );
}
