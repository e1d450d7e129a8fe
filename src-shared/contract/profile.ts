import { z } from 'zod';
import { optionalText, skillList } from './common';

export const locales = ['en', 'fr'] as const;
export type Locale = (typeof locales)[number];
export const themes = ['system', 'light', 'dark'] as const;

export const updateProfileInput = z
  .object({
    name: optionalText(200),
    skills: skillList,
    weeklyGoal: z.number().int().min(0).max(500).nullable(),
    locale: z.enum(locales).nullable(),
    theme: z.enum(themes),
    defaultCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
  })
  .partial()
  .strict();
export type UpdateProfileInput = z.input<typeof updateProfileInput>;

export interface Profile {
  name: string | null;
  skills: string[];
  weeklyGoal: number | null;
  /** null: follow the operating system. */
  locale: Locale | null;
  theme: (typeof themes)[number];
  defaultCurrency: string;
  updatedAt: string | null;
}
