import { createContext } from 'react';

/** The period the dashboard shows ("Last 30 days · 5 Nov – 4 Dec 2026"), written under a saved chart's title. */
export const ChartPeriodContext = createContext('');
