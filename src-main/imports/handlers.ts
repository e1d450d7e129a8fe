import { defineHandlers } from '../handler';

export const importsHandlers = defineHandlers({});
