const dayMs = 24 * 60 * 60 * 1000;

/** Dates as whole days since the Unix epoch (UTC): adding days is integer arithmetic, no time zone involved. */
export function dayOf(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00.000Z`) / dayMs);
}

export function dateOfDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** An instant on `day` at `minuteOfDay` (UTC). */
export function instantOf(day: number, minuteOfDay: number): string {
  return new Date(day * dayMs + minuteOfDay * 60_000).toISOString();
}

/** The day number of an ISO instant. */
export function dayOfInstant(instant: string): number {
  return Math.floor(Date.parse(instant) / dayMs);
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
