import { defineHandlers } from '../handler';

export const exportsHandlers = defineHandlers({});
