import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../../ui/Button';
import { Popover } from '../../../ui/Popover';
import { useToast } from '../../../ui/toast';
import { deleteView, saveView, useSavedViews } from './savedViews';
import { updateView, type ApplicationsView } from './viewStore';

/** Apply, save and delete named views of the table (kept on this device, see savedViews.ts). */
export function SavedViewsMenu({ view }: { view: ApplicationsView }) {
  const { t } = useTranslation('applications');
  const toast = useToast();
  const views = useSavedViews();
  const [name, setName] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);

  return (
    <Popover
      label={t('views.title')}
      align="end"
      trigger={(props) => (
        <Button icon="save" {...props}>
          {t('views.button')}
        </Button>
      )}
    >
      {(close) => (
        <div className="views-menu">
          {views.length === 0 ? (
            <p className="muted views-empty">{t('views.empty')}</p>
          ) : (
            <ul className="views-list" aria-label={t('views.title')}>
              {views.map((saved) => (
                <li key={saved.id} className="views-item">
                  <button
                    type="button"
                    className="menu-item"
                    onClick={() => {
                      updateView({ filters: saved.filters, sort: saved.sort, columns: saved.columns });
                      close();
                    }}
                  >
                    {saved.name}
                  </button>
                  <IconButton size="sm" icon="trash" label={t('views.delete', { name: saved.name })} onClick={() => deleteView(saved.id)} />
                </li>
              ))}
            </ul>
          )}
          <form
            className="views-save"
            onSubmit={(event) => {
              event.preventDefault();
              if (!name.trim()) return;
              const saved = saveView(name, view);
              setName('');
              // The Save button just became disabled: keep the focus in the menu.
              nameRef.current?.focus();
              toast.show(t('views.saved', { name: saved.name }));
            }}
          >
            <input
              ref={nameRef}
              className="input input-sm"
              aria-label={t('views.nameLabel')}
              placeholder={t('views.namePlaceholder')}
              value={name}
              maxLength={60}
              onChange={(event) => setName(event.target.value)}
            />
            <Button size="sm" type="submit" variant="primary" disabled={!name.trim()}>
              {t('views.save')}
            </Button>
          </form>
          <p className="field-hint">{t('views.localNote')}</p>
        </div>
      )}
    </Popover>
  );
}
