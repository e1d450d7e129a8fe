import { defineHandlers } from '../handler';

export const backupsHandlers = defineHandlers({});
