/**
 * What a compatible API wrote that Candid's model holds more coarsely (a date-time where Candid keeps a date, a
 * status among several that read as one stage category…) or not at all, stored in the row's `external_fields`
 * column (migration 0150) as `{"<api>": {"<field>": {"v": written, "as": Candid's value it was mapped to}}}`.
 * Reading, the written value wins while Candid's value is still `as`; once Candid's value changed (on a desktop,
 * through /v1), the value is derived from Candid's again. Fields without `as` have no Candid counterpart and
 * always read back as written.
 */
export type KeptField = { v: unknown; as?: unknown };
export type Kept = Record<string, KeptField>;

export function readKept(json: string | null, api: string): Kept {
  if (!json) return {};
  try {
    const all = JSON.parse(json) as Record<string, unknown>;
    const mine = all?.[api];
    return typeof mine === 'object' && mine !== null ? (mine as Kept) : {};
  } catch {
    return {};
  }
}

/** The column's new JSON: `api`'s fields replaced by `kept`, other APIs' left as they were. */
export function writeKept(json: string | null, api: string, kept: Kept): string | null {
  let all: Record<string, unknown> = {};
  try {
    all = json ? (JSON.parse(json) as Record<string, unknown>) : {};
  } catch {
    all = {};
  }
  if (Object.keys(kept).length === 0) delete all[api];
  else all[api] = kept;
  return Object.keys(all).length === 0 ? null : JSON.stringify(all);
}

/** The written value while Candid's `current` is still what it was mapped to; else `derived`. */
export function keptOr<T>(kept: Kept, field: string, current: unknown, derived: T): T {
  const entry = kept[field];
  if (!entry) return derived;
  if (!('as' in entry) || entry.as === current) return entry.v as T;
  return derived;
}
