import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { keepPreviousData } from '@tanstack/react-query';
import { useChannel } from '../../api/hooks';
import { useCommands, type Command, type CommandGroup } from '../../shell/commands';
import { Icon, type IconName } from '../../ui/Icon';
import { Kbd } from '../../ui/Kbd';
import { matchesQuery, matchScore } from './match';
import './palette.css';

interface Entry {
  id: string;
  group: CommandGroup | 'applications' | 'companies' | 'contacts';
  label: string;
  detail?: string;
  icon: IconName;
  shortcut?: string[];
  run(): void | Promise<void>;
}

const groupOrder: Entry['group'][] = ['applications', 'companies', 'contacts', 'create', 'navigate', 'file', 'appearance', 'help'];

/** Ctrl/Cmd+K: every screen and action, plus applications, companies and contacts found as you type. */
export function CommandPalette({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const { t } = useTranslation('shell');
  return (
    <dialog
      ref={ref}
      className="palette"
      aria-label={t('palette.title')}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onMouseDown={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      {open && <PaletteBody onClose={onClose} />}
    </dialog>
  );
}

function PaletteBody({ onClose }: { onClose(): void }) {
  const { t } = useTranslation(['shell', 'common']);
  const navigate = useNavigate();
  const commands = useCommands();
  const [query, setQuery] = useState('');
  /** null: the best match is active (until the user moves with the arrows). */
  const [active, setActive] = useState<number | null>(null);
  const deferredQuery = useDeferredValue(query.trim());
  const listId = useId();
  const listRef = useRef<HTMLDivElement>(null);

  const search = useChannel(
    'search.query',
    { text: deferredQuery, limit: 5 },
    { enabled: deferredQuery.length > 0, placeholderData: keepPreviousData },
  );

  const entries = useMemo(() => {
    const found: Entry[] = [];
    if (deferredQuery && search.data) {
      for (const application of search.data.applications) {
        found.push({
          id: `application-${application.id}`,
          group: 'applications',
          label: application.position,
          detail: `${application.companyName} · ${t(`common:stageCategory.${application.stageCategory}`)}`,
          icon: 'briefcase',
          run: () => navigate(`/applications/${application.id}`),
        });
      }
      for (const company of search.data.companies) {
        found.push({
          id: `company-${company.id}`,
          group: 'companies',
          label: company.name,
          detail: t('shell:search.applicationCount', { count: company.applicationCount }),
          icon: 'building',
          run: () => navigate(`/companies/${company.id}`),
        });
      }
      for (const contact of search.data.contacts) {
        found.push({
          id: `contact-${contact.id}`,
          group: 'contacts',
          label: contact.name,
          detail: [contact.role, contact.companyName].filter(Boolean).join(' · '),
          icon: 'users',
          run: () => navigate('/contacts'),
        });
      }
    }
    const matching: Entry[] = commands.filter((command: Command) => matchesQuery(query, command.label, command.keywords));
    const all = [...found, ...matching];
    return all.sort((a, b) => groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group));
  }, [commands, deferredQuery, navigate, query, search.data, t]);

  const bestIndex = useMemo(() => {
    let best = 0;
    entries.forEach((entry, index) => {
      if (matchScore(query, entry.label) > matchScore(query, entries[best].label)) best = index;
    });
    return best;
  }, [entries, query]);
  const activeIndex = Math.min(active ?? bestIndex, Math.max(entries.length - 1, 0));
  const activeEntry = entries[activeIndex];

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const run = (entry: Entry | undefined) => {
    if (!entry) return;
    onClose();
    void entry.run();
  };

  return (
    <div className="palette-body">
      <div className="palette-input-row">
        <Icon name="search" />
        <input
          className="palette-input"
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={activeEntry ? `${listId}-${activeIndex}` : undefined}
          aria-autocomplete="list"
          aria-label={t('shell:palette.title')}
          placeholder={t('shell:palette.placeholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setActive(Math.min(activeIndex + 1, entries.length - 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive(Math.max(activeIndex - 1, 0));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              run(activeEntry);
            }
          }}
        />
        <Kbd name="Esc" />
      </div>
      <div className="palette-list" role="listbox" id={listId} ref={listRef} aria-label={t('shell:palette.results')}>
        {entries.length === 0 && <p className="palette-empty">{t('shell:palette.noResults')}</p>}
        {entries.map((entry, index) => {
          const firstOfGroup = index === 0 || entries[index - 1].group !== entry.group;
          return (
            <div key={entry.id} role="presentation">
              {firstOfGroup && (
                <div className="palette-group" role="presentation">
                  {t(`shell:palette.groups.${entry.group}`)}
                </div>
              )}
              <div
                id={`${listId}-${index}`}
                data-index={index}
                role="option"
                aria-selected={index === activeIndex}
                className="palette-option"
                onMouseMove={() => setActive(index)}
                onClick={() => run(entry)}
              >
                <Icon name={entry.icon} />
                <span className="palette-label" dir="auto">{entry.label}</span>
                {entry.detail && <span className="palette-detail" dir="auto">{entry.detail}</span>}
                {entry.shortcut && (
                  <span className="palette-keys">
                    {entry.shortcut.map((key) => (
                      <Kbd key={key} name={key} />
                    ))}
                  </span>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
