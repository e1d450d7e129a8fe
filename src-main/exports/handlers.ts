import { defineHandlers } from '../handler';
import { exportCalendar } from './calendar';
import { exportCsv } from './csv';
import { exportExcel } from './excel';
import { exportJson } from './json-backup';
import { serialised } from './serial';
import { exportStatisticsWorkbook } from './statistics-workbook';

export const exportsHandlers = defineHandlers({
  'exports.excel': (input, context) => serialised(context, () => exportExcel(context, input)),
  'exports.statisticsWorkbook': (input, context) => serialised(context, () => exportStatisticsWorkbook(context, input)),
  'exports.csv': (input, context) => serialised(context, () => exportCsv(context, input)),
  'exports.json': (input, context) => serialised(context, () => exportJson(context, input)),
  'exports.calendar': (input, context) => serialised(context, () => exportCalendar(context, input)),
});
