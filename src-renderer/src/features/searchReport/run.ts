import i18next from 'i18next';
import { createElement } from 'react';
import type { ExportSearchReportInput } from '../../../../src-shared/contract';
import { fileErrorMessage, saveOrDownload } from '../files/exportRun';
import { fileStatus } from '../files/exportStatus';
import { SearchReportDialog } from './SearchReportDialog';

function askForReport(): Promise<ExportSearchReportInput | null> {
  return new Promise((resolve) => {
    fileStatus.openDialog((close) =>
      createElement(SearchReportDialog, {
        onDone: (input) => {
          close();
          resolve(input);
        },
      }),
    );
  });
}

/**
 * The File action "Proof-of-search report": asks for the period, template and format, then writes the report (a
 * job in main's worker) where the user saves it, or downloads it in a browser. Never throws.
 */
export async function produceSearchReport(): Promise<void> {
  const input = await askForReport();
  if (!input) return;
  const t = i18next.getFixedT(null, ['searchReport', 'files', 'common']);
  const kind = input.format === 'csv' ? 'searchReportCsv' : 'searchReportPdf';
  try {
    const result = await fileStatus.track(t('searchReport:producing'), () =>
      saveOrDownload('exports.searchReport', kind, input, { title: t('searchReport:title'), filterName: t(`searchReport:formats.${input.format ?? 'pdf'}`) }),
    );
    if (!result) return; // cancelled in the save dialog
    fileStatus.done(t(result.kind === 'file' ? 'searchReport:done' : 'searchReport:downloaded', { rows: result.rows }));
  } catch (error) {
    fileStatus.failed(t('files:exports.failed', { reason: fileErrorMessage(t, error) }));
  }
}
