import type { z } from 'zod';

/**
 * pydantic v2's error type and message for one of zod's issues: a client written against a FastAPI service may
 * switch on `type` (`string_type`, `int_parsing`, `enum`…) or show `msg` to its user, so both read as pydantic
 * writes them. `raw` is the value the client sent at the issue's place (undefined when it sent none).
 */
export function pydanticError(issue: z.core.$ZodIssue, raw: unknown): { type: string; msg: string } {
  switch (issue.code) {
    case 'invalid_type':
      return wrongType(issue.expected, raw);
    case 'invalid_value':
      return { type: 'enum', msg: `Input should be ${alternatives(issue.values)}` };
    case 'too_small':
      return bound(issue, issue.minimum, 'min', raw);
    case 'too_big':
      return bound(issue, issue.maximum, 'max', raw);
    default:
      return { type: 'value_error', msg: issue.message };
  }
}

const typeNames: Record<string, { type: string; msg: string }> = {
  string: { type: 'string_type', msg: 'Input should be a valid string' },
  number: { type: 'int_type', msg: 'Input should be a valid integer' },
  int: { type: 'int_type', msg: 'Input should be a valid integer' },
  boolean: { type: 'bool_type', msg: 'Input should be a valid boolean' },
  array: { type: 'list_type', msg: 'Input should be a valid list' },
  object: { type: 'dict_type', msg: 'Input should be a valid dictionary' },
};

/**
 * Every number the compatible models take is a whole one (salaries, reminder days, page, per_page, limit), and zod
 * reports a string given to z.int() as a wrong "number": numbers are read as pydantic's `int`.
 */
function wrongType(expected: string, raw: unknown): { type: string; msg: string } {
  const numeric = expected === 'int' || expected === 'number';
  if (numeric && typeof raw === 'string') return { type: 'int_parsing', msg: 'Input should be a valid integer, unable to parse string as an integer' };
  if (numeric && typeof raw === 'number' && Number.isFinite(raw) && !Number.isInteger(raw)) {
    return { type: 'int_from_float', msg: 'Input should be a valid integer, got a number with a fractional part' };
  }
  if (expected === 'boolean' && typeof raw === 'string') return { type: 'bool_parsing', msg: 'Input should be a valid boolean, unable to interpret input' };
  return typeNames[expected] ?? { type: `${expected}_type`, msg: `Input should be a valid ${expected}` };
}

/** "'a', 'b' or 'c'", as pydantic lists an enum's members. */
function alternatives(values: readonly unknown[]): string {
  const quoted = values.map((value) => (typeof value === 'string' ? `'${value}'` : String(value)));
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** A length or a value past its limit: pydantic's words for each side, inclusive or not. */
function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, limit: unknown, side: 'min' | 'max', raw: unknown): { type: string; msg: string } {
  const min = side === 'min';
  const count = `${min ? 'at least' : 'at most'} ${String(limit)}`;
  const plural = Number(limit) === 1 ? '' : 's';
  switch (issue.origin) {
    case 'string':
      return { type: min ? 'string_too_short' : 'string_too_long', msg: `String should have ${count} character${plural}` };
    case 'array':
    case 'set':
      return { type: min ? 'too_short' : 'too_long', msg: `List should have ${count} item${plural} after validation${Array.isArray(raw) ? `, not ${raw.length}` : ''}` };
    case 'number':
    case 'int':
    case 'bigint': {
      const strict = issue.inclusive === false;
      const type = `${min ? 'greater' : 'less'}_than${strict ? '' : '_equal'}`;
      return { type, msg: `Input should be ${min ? 'greater' : 'less'} than ${strict ? '' : 'or equal to '}${String(limit)}` };
    }
    default:
      return { type: 'value_error', msg: issue.message };
  }
}
