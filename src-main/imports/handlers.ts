import { defineHandlers } from '../handler';
import { previewImport } from './preview';
import { runImport } from './run';

export const importsHandlers = defineHandlers({
  'imports.preview': (input, context) => previewImport(context, input),
  'imports.run': (input, context) => runImport(context, input),
});
