/**
 * A salary range typed in one box, as people write it: "45000-55000", "45 000 – 55 000", "45k–55k", "45,5k",
 * "50000" (a single amount), "" (none). Amounts are whole numbers in the application's currency and period,
 * which the box does not change. Group separators (space, no-break space, a "," or "." before three digits) are
 * dropped; a "k" multiplies by a thousand.
 */
export type SalaryRange = { salaryMin: number | null; salaryMax: number | null };

const amountPattern = /^(\d+(?:[.,]\d+)?)(k)?$/i;

function amount(text: string): number | null {
  let compact = text.replace(/[\s\u00a0\u202f']/g, '');
  // "45,000" or "45.000.000": separators before groups of three digits.
  if (/^\d{1,3}([.,]\d{3})+$/.test(compact)) compact = compact.replace(/[.,]/g, '');
  const match = amountPattern.exec(compact);
  if (!match) return null;
  const value = Number(match[1].replace(',', '.')) * (match[2] ? 1000 : 1);
  return Number.isFinite(value) ? Math.round(value) : null;
}

/** The range in `text`, or null when it is not one (the box then says so and keeps what was typed). */
export function parseSalaryRange(text: string): SalaryRange | null {
  const trimmed = text.trim();
  if (trimmed === '') return { salaryMin: null, salaryMax: null };
  const parts = trimmed.split(/\s*[-–—]\s*|\s+(?:to|à)\s+/i);
  if (parts.length > 2) return null;
  const values = parts.map(amount);
  if (values.some((value) => value === null)) return null;
  const [min, max = min] = values as number[];
  return { salaryMin: min, salaryMax: max };
}

/** How a range is shown in the box when an edit starts. */
export function salaryRangeText({ salaryMin, salaryMax }: SalaryRange): string {
  if (salaryMin == null && salaryMax == null) return '';
  if (salaryMin == null || salaryMax == null || salaryMin === salaryMax) return String(salaryMin ?? salaryMax);
  return `${salaryMin}–${salaryMax}`;
}
