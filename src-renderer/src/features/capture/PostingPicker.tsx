import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostingDraft } from '../../../../src-shared/contract';
import { Icon } from '../../ui/Icon';

/**
 * Several postings on one page: one to pick. A list of buttons (Tab reaches each); ↑/↓, Home and End move between
 * them and Enter or Space opens one. The first has the focus on arrival.
 */
export function PostingPicker({ postings, onPick }: { postings: PostingDraft[]; onPick(index: number): void }) {
  const { t } = useTranslation('capture');
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    list.current?.querySelector('button')?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const target = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, target))]?.focus();
  };

  return (
    <section className="capture-pick" aria-labelledby="capture-pick-title">
      <h2 id="capture-pick-title">{t('pick.title', { count: postings.length })}</h2>
      <p className="muted" id="capture-pick-hint">
        {t('pick.hint')}
      </p>
      <ul ref={list} className="capture-pick-list" aria-label={t('pick.label')} aria-describedby="capture-pick-hint" onKeyDown={onKeyDown}>
        {postings.map((posting, index) => (
          <li key={index}>
            <button type="button" className="card capture-pick-item" onClick={() => onPick(index)}>
              <span className="capture-pick-position">{posting.position}</span>
              <span className="capture-pick-meta">
                <span>{posting.companyName ?? t('pick.noCompany')}</span>
                <span aria-hidden="true">·</span>
                <span>{posting.location ?? t('pick.noLocation')}</span>
              </span>
              <Icon name="chevronRight" />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
