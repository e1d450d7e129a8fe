import { addDays, todayKey } from '../shared/dates';

/** The periods offered above the dashboard; `custom` takes two dates. */
export const rangePresets = ['all', 'last30', 'last90', 'last365', 'thisYear', 'custom'] as const;
export type RangePreset = (typeof rangePresets)[number];

export interface RangeChoice {
  preset: RangePreset;
  from: string;
  to: string;
}

/** The `from`/`to` a choice sends to the statistics (inclusive, local calendar days); none for all time. */
export function rangeOf(choice: RangeChoice, today = todayKey()): { from?: string; to?: string } {
  switch (choice.preset) {
    case 'all':
      return {};
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'last90':
      return { from: addDays(today, -89), to: today };
    case 'last365':
      return { from: addDays(today, -364), to: today };
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'custom':
      return { from: choice.from || undefined, to: choice.to || undefined };
  }
}

/** A custom range whose end comes before its start cannot be asked for. */
export function rangeError(choice: RangeChoice): 'inverted' | null {
  return choice.preset === 'custom' && choice.from && choice.to && choice.from > choice.to ? 'inverted' : null;
}
