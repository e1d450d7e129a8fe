import type { Locale, Profile } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import type { ProfileTable } from '../db/schema';
import { defineHandlers } from '../handler';
import { parseStringArray } from '../shared/json';

/** The profile is one row with a fixed id, created by the first migration. */
export const profileRowId = '00000000-0000-7000-8000-000000000000';

export function readProfile(db: Database): Profile {
  const row = db.sql(`SELECT * FROM profile WHERE id = ?`).get(profileRowId) as ProfileTable;
  return {
    name: row.name,
    skills: parseStringArray(row.skills),
    weeklyGoal: row.weekly_goal,
    locale: row.locale as Locale | null,
    theme: row.theme as Profile['theme'],
    defaultCurrency: row.default_currency,
    updatedAt: row.updated_at.startsWith('1970') ? null : row.updated_at,
  };
}

export const profileHandlers = defineHandlers({
  'profile.get': (_input, { db }) => readProfile(db),
  'profile.update': (input, { db, changes }) => {
    const fields: Record<string, string | number | null> = {};
    if (input.name !== undefined) fields.name = input.name;
    if (input.skills !== undefined) fields.skills = JSON.stringify(input.skills);
    if (input.weeklyGoal !== undefined) fields.weekly_goal = input.weeklyGoal;
    if (input.locale !== undefined) fields.locale = input.locale;
    if (input.theme !== undefined) fields.theme = input.theme;
    if (input.defaultCurrency !== undefined) fields.default_currency = input.defaultCurrency;
    changes.write((write) => write.update('profile', profileRowId, fields));
    return readProfile(db);
  },
});
