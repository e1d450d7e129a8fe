import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchReportFormats, searchReportTemplates, type ExportSearchReportInput, type SearchReportFormat, type SearchReportTemplate } from '../../../../src-shared/contract';
import { languageOf } from '../../../../src-shared/i18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { localDay } from '../files/exportRun';
import './searchReport.css';

/** The period a report starts with: from the first of this month to today. */
function thisMonth(): { from: string; to: string } {
  const today = localDay();
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/**
 * Asks for a proof-of-search report: the period, the agency's template (France Travail's by default in French, the
 * US log in English) and PDF or CSV. Answers with the report's input, or null when the user cancelled.
 */
export function SearchReportDialog({ onDone }: { onDone: (input: ExportSearchReportInput | null) => void }) {
  const { t, i18n } = useTranslation('searchReport');
  const language = languageOf(i18n.resolvedLanguage ?? i18n.language);
  const [open, setOpen] = useState(true);
  const [period, setPeriod] = useState(thisMonth);
  const [template, setTemplate] = useState<SearchReportTemplate>(language === 'fr' ? 'franceTravail' : 'usWorkSearch');
  const [format, setFormat] = useState<SearchReportFormat>('pdf');
  const misordered = period.from !== '' && period.to !== '' && period.to < period.from;
  const complete = period.from !== '' && period.to !== '' && !misordered;

  const finish = (input: ExportSearchReportInput | null) => {
    setOpen(false);
    onDone(input);
  };
  const submit = () => {
    if (!complete) return;
    finish({
      ...period,
      template,
      format,
      language,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      // French spreadsheets read `,` as the decimal mark; a byte order mark makes Excel read accents right.
      delimiter: language === 'fr' ? ';' : ',',
      bom: true,
    });
  };

  return (
    <Dialog
      open={open}
      onClose={() => finish(null)}
      title={t('title')}
      width="min(560px, calc(100vw - 48px))"
      footer={
        <>
          <Button onClick={() => finish(null)}>{t('common:actions.cancel')}</Button>
          <Button variant="primary" icon="download" type="submit" form="search-report-form" disabled={!complete}>
            {t('produce')}
          </Button>
        </>
      }
    >
      <form
        id="search-report-form"
        className="search-report-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p>{t('intro')}</p>
        <div className="search-report-period">
          <Field label={t('from')}>
            {(control) => <input className="input" type="date" required value={period.from} onChange={(event) => setPeriod({ ...period, from: event.target.value })} {...control} />}
          </Field>
          <Field label={t('to')} error={misordered ? t('periodOrder') : undefined}>
            {(control) => <input className="input" type="date" required value={period.to} onChange={(event) => setPeriod({ ...period, to: event.target.value })} {...control} />}
          </Field>
        </div>
        <Field label={t('template')}>
          {(control) => (
            <select className="select" value={template} onChange={(event) => setTemplate(event.target.value as SearchReportTemplate)} {...control}>
              {searchReportTemplates.map((value) => (
                <option key={value} value={value}>
                  {t(`templates.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="search-report-formats">
          <legend>{t('format')}</legend>
          {searchReportFormats.map((value) => (
            <label key={value}>
              <input type="radio" name="search-report-format" value={value} checked={format === value} onChange={() => setFormat(value)} /> {t(`formats.${value}`)}
            </label>
          ))}
        </fieldset>
      </form>
    </Dialog>
  );
}
