/**
 * Imports one file in a process of its own and reports, as one line of JSON, what came of it and the process's
 * peak memory (maximum resident set size): the memory tests of import bombs and large files run this.
 * `npx tsx test/imports/import-child.ts <file> [preview|run]`.
 */
import { importFile } from '../../src-main/imports/run';
import { previewImport } from '../../src-main/imports/preview';
import { importPreviewInput } from '../../src-shared/contract';
import { openTempApp } from '../support/temp-app';

const [file, mode = 'run'] = process.argv.slice(2);
const app = await openTempApp();
const started = performance.now();
let outcome: Record<string, unknown>;
try {
  const input = { source: { path: file }, options: { skipInvalidRows: true } };
  if (mode === 'preview') {
    const preview = await previewImport(app.context, importPreviewInput.parse(input));
    outcome = { ok: true, rows: preview.rowCount, importable: preview.importableRows };
  } else {
    const result = await importFile(app.context, input);
    outcome = { ok: true, created: result.created, stageEvents: result.stageEvents };
  }
} catch (error) {
  const { code, details, message } = error as { code?: string; details?: unknown; message?: string };
  outcome = { ok: false, code, details, message };
} finally {
  app.close();
}
console.log(JSON.stringify({ ...outcome, ms: Math.round(performance.now() - started), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
