/**
 * The check thread's `rows` messages (check-worker.ts -> check-thread.ts) over the bench's import.csv: each batch
 * written (v8.serialize, what postMessage does) and read back (v8.deserialize, the import's thread), in the forms
 * compared: `objects` (the checked rows as they are, before session 16's check-wire.ts), `lean` (without what the
 * import never reads), `json` (lean, one JSON text per batch, parsed on receipt), `tuples` (rows as arrays in a fixed
 * order, rebuilt on receipt; `tuplesJson` as one JSON text), `wire` (check-wire.ts, what is sent now). Main-thread CPU of each side, summed over the batches. Not a test:
 * `npx tsx test/bench/probe-import-wire.ts <csv> [rounds]`.
 */
import path from 'node:path';
import v8 from 'node:v8';
import { planFile, RowChecker, shapedBatches } from '../../src-main/imports/analyse';
import type { CheckedRow, StagedRow } from '../../src-main/imports/check-protocol';
import { batchMessage, decodeBatch, encodeRow } from '../../src-main/imports/check-wire';
import { openImportFile } from '../../src-main/imports/read';
import { stagedRow } from '../../src-main/imports/staged';
import { createApplicationInput } from '../../src-shared/contract/applications';
import { openTempApp } from '../support/temp-app';
import { loadAverage, mainThreadCpuMs } from './cpu';

const file = path.resolve(process.argv[2] ?? '');
const rounds = Number(process.argv[3] ?? 3);

const lean = (batch: CheckedRow[]) => batch.map(({ checked, refusesInvalid }) => ({ checked: checked.map(({ application: { identity: _identity, ...application }, duplicate }) => ({ application, duplicate })), refusesInvalid }));

const inputKeys = Object.keys(createApplicationInput.shape);
const absent = 0;
/** A checked row as arrays in a fixed order: the application's input as its values by inputKeys (0: absent). */
const tuples = (batch: CheckedRow[]) =>
  batch.map(({ checked, refusesInvalid }) => [
    refusesInvalid,
    checked.map(({ application: { row, column, input, history, contact, customValues, problems }, duplicate }) => [
      duplicate,
      row,
      column,
      input === null ? null : inputKeys.map((key) => (key in input ? input[key as keyof typeof input] : absent)),
      history.map(({ stageId, category, on }) => [stageId, category, on]),
      contact,
      customValues,
      problems.map(({ row, column, field, code, severity, value }) => [row, column, field, code, severity, value]),
    ]),
  ]);
type Tuple = [boolean, [boolean, number, number | null, unknown[] | null, [string, string, string | null][], unknown, unknown, unknown[][]][]];
const untuple = (rows: unknown[]) =>
  (rows as Tuple[]).map(([refusesInvalid, checked]) => ({
    refusesInvalid,
    checked: checked.map(([duplicate, row, column, values, history, contact, customValues, problems]) => {
      let input: Record<string, unknown> | null = null;
      if (values) {
        input = {};
        for (let index = 0; index < inputKeys.length; index += 1) if (values[index] !== absent) input[inputKeys[index]!] = values[index];
      }
      return {
        duplicate,
        application: {
          row,
          column,
          input,
          history: history.map(([stageId, category, on]) => ({ stageId, category, on })),
          contact,
          customValues,
          problems: problems.map(([row, column, field, code, severity, value]) => ({ row, column, field, code, severity, value })),
        },
      };
    }),
  })).length;

/** lean, and each problem without its message and params (the import reads neither). */
const leaner = (batch: CheckedRow[]) =>
  batch.map(({ checked, refusesInvalid }) => ({
    checked: checked.map(({ application: { identity: _identity, problems, ...application }, duplicate }) => ({
      application: { ...application, problems: problems.map(({ row, column, field, code, severity, value }) => ({ row, column, field, code, severity, value })) },
      duplicate,
    })),
    refusesInvalid,
  }));

let asObjects = 0;

const forms: Record<string, { write(batch: CheckedRow[]): Buffer; read(buffer: Buffer): unknown }> = {
  objects: { write: (batch) => v8.serialize(batch), read: (buffer) => v8.deserialize(buffer) },
  lean: { write: (batch) => v8.serialize(lean(batch)), read: (buffer) => v8.deserialize(buffer) },
  json: { write: (batch) => v8.serialize(JSON.stringify(lean(batch))), read: (buffer) => JSON.parse(v8.deserialize(buffer) as string) },
  leaner: { write: (batch) => v8.serialize(leaner(batch)), read: (buffer) => v8.deserialize(buffer) },
  leanerJson: { write: (batch) => v8.serialize(JSON.stringify(leaner(batch))), read: (buffer) => JSON.parse(v8.deserialize(buffer) as string) },
  /** What the check thread sends (check-wire.ts); a batch it would send as objects counts in `asObjects`. */
  wire: {
    write: (batch) => {
      const message = batchMessage(batch.map(stagedRow).map((row) => encodeRow(row) ?? row));
      if (!('texts' in message)) asObjects += 1;
      return v8.serialize('texts' in message ? message.texts : message.rows);
    },
    read: (buffer) => {
      const sent = v8.deserialize(buffer) as (string | StagedRow)[];
      return sent.every((row): row is string => typeof row === 'string') ? [...decodeBatch(sent)] : (sent as StagedRow[]);
    },
  },
  tuples: { write: (batch) => v8.serialize(tuples(batch)), read: (buffer) => untuple(v8.deserialize(buffer) as unknown[]) },
  tuplesJson: { write: (batch) => v8.serialize(JSON.stringify(tuples(batch))), read: (buffer) => untuple(JSON.parse(v8.deserialize(buffer) as string) as unknown[]) },
  jsonFull: { write: (batch) => v8.serialize(JSON.stringify(batch)), read: (buffer) => JSON.parse(v8.deserialize(buffer) as string) },
};

const app = await openTempApp();
const batches: CheckedRow[][] = [];
try {
  const opened = openImportFile({ path: file }, {});
  if (opened.file.kind !== 'table') throw new Error('not a table');
  const plan = await planFile(app.context.db, opened.file, { source: { path: file } });
  const checker = new RowChecker(app.context.db, plan, false);
  for (const batch of shapedBatches(checker, plan, 1000, (row) => row)) batches.push(batch);
  opened.close();
} finally {
  app.close();
}

const timed = <T>(fn: () => T): [T, number] => {
  const cpu = mainThreadCpuMs();
  const result = fn();
  return [result, mainThreadCpuMs() - cpu];
};

for (let round = 0; round < rounds; round += 1) {
  for (const [name, form] of Object.entries(forms)) {
    const [buffers, writeMs] = timed(() => batches.map((batch) => form.write(batch)));
    const bytes = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
    const [, readMs] = timed(() => {
      let kept = 0;
      for (const buffer of buffers) kept += (form.read(buffer) as unknown[]).length;
      return kept;
    });
    console.log(JSON.stringify({ form: name, writeMs, readMs, mb: Math.round(bytes / 1e5) / 10, ...(name === 'wire' ? { asObjects } : {}), load: loadAverage() }));
    asObjects = 0;
  }
}
