import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationDetail, CustomField } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useFormat } from '../../ui/format';
import { errorMessage } from '../../ui/issues';
import { useToast } from '../../ui/toast';
import { errorsByField } from '../shared/fieldErrors';
import { parseNumber, useCustomFields } from './model';
import './customFields.css';

type Stored = string | number | null;

/**
 * The application's custom fields, each saved on its own as soon as it is decided (a choice picked, a box left or
 * Enter pressed), undoable from the toast: apart from the form above and its Save, like a spreadsheet's cells.
 */
export function CustomValuesCard({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation('customFields');
  const headingId = useId();
  const fields = useCustomFields();
  return (
    <section className="card form-section rec-embedded cf-card" aria-labelledby={headingId}>
      <header className="rec-embedded-header">
        <h2 className="section-title" id={headingId}>
          {t('detail.title')}
        </h2>
        <Link to="/settings" className="btn btn-sm btn-ghost">
          {t('detail.settings')}
        </Link>
      </header>
      {fields.length === 0 ? (
        <p className="muted">{t('detail.empty')}</p>
      ) : (
        <div className="cf-values">
          {fields.map((field) => (
            // Keyed on the stored value: a refetch (undo, another window) resets the box.
            <ValueInput key={`${field.id}:${String(application.customValues[field.id] ?? '')}`} application={application} field={field} />
          ))}
        </div>
      )}
    </section>
  );
}

function ValueInput({ application, field }: { application: ApplicationDetail; field: CustomField }) {
  const { t } = useTranslation(['customFields', 'common']);
  const format = useFormat();
  const toast = useToast();
  const id = useId();
  const stored: Stored = application.customValues[field.id] ?? null;
  const initialText = stored === null ? '' : field.kind === 'number' ? String(stored).replace('.', format.number(1.5).includes(',') ? ',' : '.') : String(stored);
  const [text, setText] = useState(initialText);
  const [error, setError] = useState<string | null>(null);
  // What was last sent: Enter then leaving the box writes once.
  const sent = useRef<Stored>(stored);

  const save = async (value: Stored) => {
    if (value === sent.current) return;
    if (typeof value === 'number' && Number.isNaN(value)) {
      setError(t('invalidNumber'));
      return;
    }
    sent.current = value;
    setError(null);
    try {
      await invoke('customFields.setValue', { applicationId: application.id, fieldId: field.id, value });
      toast.showUndo(t('detail.saved', { field: field.name }), () =>
        invoke('customFields.setValue', { applicationId: application.id, fieldId: field.id, value: stored }),
      );
    } catch (failure) {
      sent.current = stored;
      setError(errorsByField(t, failure).value ?? errorMessage(t, failure));
    }
  };
  const fromText = (value: string): Stored => (field.kind === 'number' ? parseNumber(value) : value.trim() === '' ? null : value);
  const errorId = `${id}-error`;
  const control = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  } as const;

  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {field.name}
      </label>
      {field.kind === 'choice' ? (
        <select
          className="select"
          {...control}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            void save(event.target.value || null);
          }}
        >
          <option value="">{t('detail.none')}</option>
          {field.choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          className="input"
          {...control}
          type={field.kind === 'date' ? 'date' : 'text'}
          inputMode={field.kind === 'number' ? 'decimal' : undefined}
          maxLength={field.kind === 'text' ? 2000 : undefined}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
          onBlur={() => void save(fromText(text))}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void save(fromText(text));
            }
          }}
        />
      )}
      {error && (
        <span className="field-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
