import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { Button, IconButton } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { errorMessage } from '../../ui/issues';
import { useToast } from '../../ui/toast';
import { SettingsSection } from '../settings/SettingsSection';
import { CustomFieldForm } from './CustomFieldForm';
import { useCustomFields } from './model';
import './customFields.css';

/** Settings: the user's fields, each edited in place, moved up or down, deleted (Undo brings it back with its values). */
export function CustomFieldsSection() {
  const { t } = useTranslation(['customFields', 'common']);
  const format = useFormat();
  const toast = useToast();
  const fields = useCustomFields();
  const [editing, setEditing] = useState<string | null>(null);

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      toast.show(errorMessage(t, error));
    }
  };
  const move = (field: CustomField, step: -1 | 1) => {
    const ids = fields.map((candidate) => candidate.id);
    const index = ids.indexOf(field.id);
    [ids[index], ids[index + step]] = [ids[index + step], ids[index]];
    void run(() => invoke('customFields.reorder', { ids }));
  };
  const remove = (field: CustomField) =>
    run(async () => {
      await invoke('customFields.delete', { id: field.id });
      toast.showUndo(t('deleted', { name: field.name }), () => invoke('customFields.restore', { id: field.id }));
    });

  return (
    <SettingsSection id="customFields" title={t('title')} description={t('description')}>
      {fields.length === 0 && <p className="muted">{t('empty')}</p>}
      <ul className="rec-list cf-fields" aria-label={t('title')}>
        {fields.map((field, index) =>
          field.id === editing ? (
            <li key={field.id} className="cf-field cf-editing">
              <CustomFieldForm field={field} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={field.id} className="cf-field" aria-label={field.name}>
              <div className="cf-field-main">
                <span className="cf-field-name">{field.name}</span>
                <span className="rec-chip">{t(`kind.${field.kind}`)}</span>
                <span className="muted">{t('values', { count: field.valueCount, formatted: format.number(field.valueCount) })}</span>
              </div>
              {field.kind === 'choice' && (
                <ul className="cf-field-choices" aria-label={t('field.choices')}>
                  {field.choices.map((choice) => (
                    <li key={choice.id} className="tag">
                      {choice.label}
                    </li>
                  ))}
                </ul>
              )}
              <div className="rec-row-actions">
                <IconButton size="sm" icon="chevronDown" className="cf-up" label={t('moveUp', { name: field.name })} disabled={index === 0} onClick={() => move(field, -1)} />
                <IconButton size="sm" icon="chevronDown" label={t('moveDown', { name: field.name })} disabled={index === fields.length - 1} onClick={() => move(field, 1)} />
                <Button size="sm" onClick={() => setEditing(field.id)} aria-label={t('editLabel', { name: field.name })}>
                  {t('edit')}
                </Button>
                <Button size="sm" variant="danger" onClick={() => void remove(field)} aria-label={t('deleteLabel', { name: field.name })}>
                  {t('common:actions.delete')}
                </Button>
              </div>
            </li>
          ),
        )}
      </ul>
      <h3 className="st-subtitle">{t('new')}</h3>
      <CustomFieldForm onDone={() => undefined} />
    </SettingsSection>
  );
}
