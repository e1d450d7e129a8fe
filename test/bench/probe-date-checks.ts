/**
 * The contract's day check (src-shared/contract/dates.ts calendarDate) against its form before session 16, which
 * made two Dates per call, over 300,000 plausible days. Not a test: `npx tsx test/bench/probe-date-checks.ts [rounds]`.
 */
import { z } from 'zod';
import { calendarDate } from '../../src-shared/contract/dates';
import { loadAverage, mainThreadCpuMs } from './cpu';

const before = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'must be a real calendar date')
  .superRefine((value, context) => {
    const year = Number(value.slice(0, 4));
    const latest = new Date().getUTCFullYear() + 10;
    if (!(/^\d{4}-/.test(value) && year >= 1970 && year <= latest)) context.addIssue({ code: 'custom', message: `must be a date from 1970 to ${latest}`, input: value });
  });

const days = Array.from({ length: 300_000 }, (_, index) => new Date(Date.UTC(2000, 0, 1) + (index % 9000) * 86_400_000).toISOString().slice(0, 10));
for (let round = 0; round < Number(process.argv[2] ?? 3); round += 1) {
  for (const [name, schema] of [['before', before], ['now', calendarDate]] as const) {
    const cpu = mainThreadCpuMs();
    let accepted = 0;
    for (const day of days) if (schema.safeParse(day).success) accepted += 1;
    console.log(JSON.stringify({ name, cpuMs: mainThreadCpuMs() - cpu, accepted, load: loadAverage() }));
  }
}
