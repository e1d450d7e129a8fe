import { defineHandlers } from '../handler';

export const statisticsHandlers = defineHandlers({});
