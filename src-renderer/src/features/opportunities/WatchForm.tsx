import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { boardKinds, detectBoard, remotePreferences, type BoardKind, type BoardWatch, type RemotePreference } from '../../../../src-shared/contract';
import type { AppError } from '../../../../src-shared/errors';
import { invoke } from '../../api/client';
import { Button } from '../../ui/Button';
import { ChipsInput } from '../../ui/ChipsInput';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { errorMessage, fieldErrors } from '../../ui/issues';

interface Draft {
  kind: BoardKind;
  board: string;
  companyName: string;
  keywords: string[];
  locations: string[];
  remote: RemotePreference;
}

const blank: Draft = { kind: 'greenhouse', board: '', companyName: '', keywords: [], locations: [], remote: 'any' };

/** Adds a watch, or edits one: the board (kind and name), the company it belongs to, and the filters. */
export function WatchForm({ watch, onClose }: { watch: BoardWatch | null; onClose(): void }) {
  const { t } = useTranslation(['watch', 'common']);
  const [draft, setDraft] = useState<Draft>(() =>
    watch ? { kind: watch.kind, board: watch.board, companyName: watch.companyName, keywords: watch.keywords, locations: watch.locations, remote: watch.remote } : blank,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  // A pasted address says which kind of board it is (and a board's name within it): the kind follows it.
  const detected = detectBoard(draft.board);
  const setBoard = (board: string) => {
    const kind = detectBoard(board)?.kind;
    setDraft((current) => ({ ...current, board, kind: kind ?? current.kind }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const fields = detected ? { ...draft, ...detected } : draft;
    try {
      if (watch) await invoke('watches.update', { id: watch.id, patch: fields });
      else await invoke('watches.create', fields);
      onClose();
    } catch (error) {
      const appError = error as AppError;
      const byField = fieldErrors(t, appError.issues ?? []);
      if (appError.code === 'CONFLICT') byField.board = t('watch:form.duplicate');
      else if (byField.board && draft.board.trim() !== '') byField.board = t(fields.kind === 'page' ? 'watch:form.pageAddress' : 'watch:form.boardName');
      setErrors(Object.keys(byField).length > 0 ? byField : { '': errorMessage(t, error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={t(watch ? 'watch:form.editTitle' : 'watch:form.addTitle')}
      width="min(560px, 92vw)"
      footer={
        <>
          <Button onClick={onClose}>{t('watch:form.cancel')}</Button>
          <Button variant="primary" type="submit" form="watch-form" disabled={saving}>
            {t('watch:form.save')}
          </Button>
        </>
      }
    >
      <form id="watch-form" className="op-form" onSubmit={(event) => void submit(event)} noValidate>
        {errors[''] && (
          <p className="rec-form-error" role="alert">
            {errors['']}
          </p>
        )}
        <Field label={t('watch:form.kind')} error={errors.kind}>
          {(control) => (
            <select className="select" {...control} value={draft.kind} onChange={(event) => set('kind', event.target.value as BoardKind)}>
              {boardKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`watch:kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('watch:form.board')} hint={t('watch:form.boardHint')} error={errors.board}>
          {(control) => <input className="input" {...control} autoComplete="off" spellCheck={false} value={draft.board} onChange={(event) => setBoard(event.target.value)} />}
        </Field>
        <p className="muted op-form-detected" role="status">
          {detected &&
            (detected.kind === 'page' ? t('watch:form.detectedPage') : t('watch:form.detected', { kind: t(`watch:kinds.${detected.kind}`), board: detected.board }))}
        </p>
        <Field label={t('watch:form.companyName')} error={errors.companyName}>
          {(control) => <input className="input" {...control} autoComplete="off" value={draft.companyName} onChange={(event) => set('companyName', event.target.value)} />}
        </Field>
        <Field label={t('watch:form.keywords')} hint={t('watch:form.keywordsHint')} error={errors.keywords}>
          {(control) => <ChipsInput {...control} values={draft.keywords} onChange={(values) => set('keywords', values)} placeholder={t('watch:form.placeholder')} />}
        </Field>
        <Field label={t('watch:form.locations')} hint={t('watch:form.locationsHint')} error={errors.locations}>
          {(control) => <ChipsInput {...control} values={draft.locations} onChange={(values) => set('locations', values)} placeholder={t('watch:form.placeholder')} />}
        </Field>
        <Field label={t('watch:form.remote')} error={errors.remote}>
          {(control) => (
            <select className="select" {...control} value={draft.remote} onChange={(event) => set('remote', event.target.value as RemotePreference)}>
              {remotePreferences.map((preference) => (
                <option key={preference} value={preference}>
                  {t(`watch:remote.${preference}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
    </Dialog>
  );
}
