import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { Button } from '../../ui/Button';
import { ColumnsStep } from './import/ColumnsStep';
import { DoneStep } from './import/DoneStep';
import { FileStep } from './import/FileStep';
import { importErrorMessage } from './import/messages';
import { ReviewStep } from './import/ReviewStep';
import { SettingsPanel } from './import/SettingsPanel';
import { Stepper } from './import/Stepper';
import { useImportWizard, type WizardStep } from './import/useImportWizard';
import { ValuesStep } from './import/ValuesStep';
import { formatBytes } from './import/upload';
import './import/import.css';

const tableSteps: WizardStep[] = ['file', 'columns', 'values', 'review', 'done'];
const backupSteps: WizardStep[] = ['file', 'review', 'done'];

/**
 * The import wizard (route /import): choose a file, see how it reads and what each column becomes, match the
 * values, check errors and duplicates row by row, then import everything or nothing, with an undo.
 */
export default function ImportPage() {
  const { t, i18n } = useTranslation('files');
  const wizard = useImportWizard();
  // Reading the chosen file is a job: its worker starts while the user picks the file, not after.
  useEffect(() => {
    invoke('jobs.prepare').catch(() => undefined);
  }, []);
  const { step, setStep, file, preview, run, result } = wizard;
  const data = preview.data;
  // Once the file has read as a table, the worker also starts the thread that will check its rows. Again at each
  // step: a preview is a job of its own, which stops that thread, and an idle worker retires after a while.
  useEffect(() => {
    if (step !== 'done' && data && data.format !== 'json' && data.format !== 'candid-backup') invoke('jobs.prepare', { importFileBytes: data.bytes }).catch(() => undefined);
  }, [data, step]);
  const isBackup = data?.format === 'candid-backup';
  const steps = isBackup ? backupSteps : tableSteps;
  const previewError = preview.error ? importErrorMessage(t, preview.error, i18n.language) : null;
  // A refused file sends the user back to choosing one; a backup has no columns to map: it goes to the check.
  const refused = previewError !== null && !data;
  const shown: WizardStep = refused ? 'file' : isBackup && (step === 'columns' || step === 'values') ? 'review' : step;
  const index = steps.indexOf(shown);

  const move = (offset: number) => setStep(steps[index + offset]);

  return (
    <div className="page imp-page">
      <header className="page-header">
        <h1>{t('imports.title')}</h1>
      </header>
      <p className="page-subtitle imp-subtitle">{t('imports.subtitle')}</p>
      <Stepper steps={steps} current={shown} onSelect={setStep} />

      {file && shown !== 'file' && shown !== 'done' && (
        <div className="imp-file-bar">
          <span className="imp-file-name">
            {file.bytes === null ? file.fileName : t('imports.file.chosen', { fileName: file.fileName, size: formatBytes(file.bytes, i18n.language) })}
          </span>
          {preview.isFetching && (
            <span className="muted imp-small" role="status">
              {data ? t('imports.settings.rereading') : t('imports.progress.reading')}
            </span>
          )}
          <Button variant="ghost" size="sm" onClick={wizard.restart}>
            {t('imports.cancel')}
          </Button>
        </div>
      )}

      {shown === 'file' && <FileStep onPicked={wizard.pick} error={refused ? previewError : null} />}

      {shown !== 'file' && shown !== 'done' && previewError && (
        <div className="notice notice-error imp-error" role="alert">
          <span>{previewError}</span>
          <Button size="sm" onClick={wizard.restart}>
            {t('imports.file.choose')}
          </Button>
        </div>
      )}

      {shown !== 'file' && shown !== 'done' && !data && !previewError && (
        <div className="card imp-progress" role="status">
          <div className="imp-bar" />
          {t('imports.progress.reading')}
        </div>
      )}

      {data && !previewError && (shown === 'columns' || shown === 'values' || shown === 'review') && (
        <div className="imp-body" data-step={shown}>
          {shown !== 'review' && <SettingsPanel preview={data} settings={wizard.choices.settings} onChange={wizard.changeSettings} />}
          <div className="imp-main">
            {shown === 'columns' && <ColumnsStep preview={data} onMap={wizard.mapColumn} onStage={wizard.chooseColumnStage} />}
            {shown === 'values' && <ValuesStep preview={data} onMap={wizard.mapValue} />}
            {shown === 'review' &&
              (run.isPending ? (
                <div className="card imp-progress" role="status">
                  <div className="imp-bar" />
                  <strong>{t('imports.progress.importing', { count: data.importableRows })}</strong>
                  <span className="muted">{t('imports.progress.backup')}</span>
                </div>
              ) : (
                <ReviewStep
                  preview={data}
                  options={wizard.choices.options}
                  onOption={wizard.setOption}
                  onImport={() => run.mutate()}
                  importing={run.isPending}
                />
              ))}
            {run.error && shown === 'review' && (
              <p className="notice notice-error" role="alert">
                {importErrorMessage(t, run.error, i18n.language)}
              </p>
            )}
            {shown !== 'review' && (
              <div className="imp-nav">
                <Button onClick={() => move(-1)}>{t('imports.back')}</Button>
                <Button variant="primary" icon="arrowRight" onClick={() => move(1)} disabled={preview.isFetching}>
                  {t('imports.next')}
                </Button>
              </div>
            )}
            {shown === 'review' && !run.isPending && !isBackup && (
              <div className="imp-nav">
                <Button onClick={() => move(-1)}>{t('imports.back')}</Button>
              </div>
            )}
          </div>
        </div>
      )}

      {shown === 'done' && result && <DoneStep result={result} onAnother={wizard.restart} />}
    </div>
  );
}

