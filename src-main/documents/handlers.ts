import { defineHandlers } from '../handler';

export const documentsHandlers = defineHandlers({});
