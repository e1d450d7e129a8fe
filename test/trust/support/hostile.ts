import fc from 'fast-check';

/**
 * Hostile inputs for the channels: arbitrary values, and near-valid ones — a valid input with one thing wrong
 * (a field of the wrong type, a huge or strange string, a negative number, a missing or extra key, a key that
 * aims at Object.prototype). Near-valid inputs pass the outer checks and reach deep into each schema and handler.
 */

type Key = string | number;
type Path = Key[];

/** Objects with fields: plain ones, and those made with a null prototype. */
const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** Every position in a JSON-like value: the root, each object field and each array element. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const here: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => here.push(...pathsOf(item, [...prefix, index])));
  else if (isPlainObject(value)) for (const key of Object.keys(value)) here.push(...pathsOf(value[key], [...prefix, key]));
  return here;
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((current, key) => (current as Record<Key, unknown>)[key], value);
}

/** A copy of `value` with `change` applied to the container at `path` (the root is replaced by its result). */
function edit(value: unknown, path: Path, change: (target: unknown) => unknown): unknown {
  const copy = structuredClone(value);
  if (path.length === 0) return change(copy);
  const parent = at(copy, path.slice(0, -1)) as Record<Key, unknown>;
  const key = path[path.length - 1];
  parent[key] = change(parent[key]);
  return copy;
}

/** Sets an own, enumerable property, even for `__proto__` (a plain assignment would change the prototype). */
function defineOwn(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const huge = {
  ascii: 'x'.repeat(1_000_000),
  emoji: '👩‍💻'.repeat(60_000),
  controls: '\u0000\u0007\u001b[2J\r\n\t\u2028\u2029'.repeat(1000),
};

/** Values that are wrong for most fields, or right type with edge values. */
export const strangeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    false,
    0,
    -0,
    -1,
    1.5,
    NaN,
    Infinity,
    -Infinity,
    -2_147_483_649,
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_VALUE,
    '',
    ' ',
    '0',
    'null',
    '__proto__',
    '2024-02-30',
    '../../../../etc/passwd',
    "'; DROP TABLE applications; --",
    '=HYPERLINK("http://evil.example","x")',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    '\uD800',
    'e\u0301\u0301\u0301',
    '\u202Egnp.exe',
    huge.ascii,
    huge.emoji,
    huge.controls,
    [],
    {},
    [[]],
    [null],
  ),
  fc.integer({ min: -(2 ** 31), max: -1 }),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.string({ unit: 'grapheme', maxLength: 10 }), { maxLength: 5 }),
  fc.anything({ maxDepth: 2, withNullPrototype: true }),
);

const pollutingKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then');
const pollutingValue = fc.constantFrom<unknown>({ polluted: 'yes' }, { prototype: { polluted: 'yes' } }, null, 'polluted', 1);

/** Inputs that are a valid one with exactly one thing wrong. */
export function nearValid(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const objects = paths.filter((path) => isPlainObject(at(valid, path)));
  const arrays = paths.filter((path) => Array.isArray(at(valid, path)));
  const fields = paths.filter((path) => path.length > 0);
  const asObject = (target: unknown) => (isPlainObject(target) ? target : {});

  const operations: fc.Arbitrary<unknown>[] = [
    fc.tuple(fc.constantFrom(...paths), strangeValue).map(([path, value]) => edit(valid, path, () => value)),
    fc
      .tuple(objects.length ? fc.constantFrom(...objects) : fc.constant<Path>([]), fc.oneof(pollutingKey, fc.string({ maxLength: 12 })), pollutingValue)
      .map(([path, key, value]) => edit(valid, path, (target) => defineOwn(asObject(target), key, value))),
  ];
  if (fields.length) {
    operations.push(
      fc.constantFrom(...fields).map((path) =>
        edit(valid, path.slice(0, -1), (parent) => {
          if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
          else delete (parent as Record<Key, unknown>)[path[path.length - 1]];
          return parent;
        }),
      ),
    );
  }
  if (arrays.length) {
    // Long arrays: of a valid element (past the schema's maximum), or of junk.
    operations.push(
      fc
        .tuple(fc.constantFrom(...arrays), fc.constantFrom(300, 5_000), fc.boolean())
        .map(([path, length, junk]) =>
          edit(valid, path, (array) => Array.from({ length }, (_, i) => (junk ? i - 1 : (array as unknown[])[0] ?? null))),
        ),
    );
  }
  return fc.oneof(...operations);
}

/** What the fuzz tests send to a channel: anything at all, or a near-valid input. */
export function hostileInputs(valid: unknown, anything: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: anything, weight: 1 }, { arbitrary: nearValid(valid), weight: 2 });
}

/** Any value structured clone (IPC) could carry: Maps, Sets, dates, big integers, typed arrays, null prototypes… */
export const anyValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: 'binary',
});

/** Any value a JSON body can carry (the HTTP transport). */
export const anyJson = fc.jsonValue({ maxDepth: 3 });

/**
 * Paths in an input are where exports write and imports read: any `path` that does not already point inside
 * `allowed` folders is moved into `sandbox`, so that the fuzzer never writes outside a temp folder.
 */
export function confinePaths(input: unknown, sandbox: string, allowed: readonly string[]): unknown {
  const inside = (value: string) => allowed.some((root) => value.startsWith(root + '/'));
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) {
        const field = value[key];
        if (key === 'path' && typeof field === 'string' && !inside(field)) {
          defineOwn(value, key, `${sandbox}/confined-${Buffer.from(field).toString('hex').slice(0, 32)}`);
        } else visit(field);
      }
    }
  };
  visit(input);
  return input;
}

/** Object.prototype and Array.prototype as they are now, to tell whether a call polluted them. */
export function prototypeSnapshot(): string {
  const describe = (target: object) => Reflect.ownKeys(target).map(String).sort().join(',');
  return `${describe(Object.prototype)}|${describe(Array.prototype)}|${String(({} as Record<string, unknown>).polluted)}`;
}

/** A request body sent as it is, for JSON that JSON.stringify never writes. */
export class RawJson {
  constructor(readonly text: string) {}
}

/**
 * JSON texts that parse into something JSON.stringify would never produce: an own `__proto__` key, a key given
 * twice, numbers beyond double range, a lone surrogate, nesting deep enough to exhaust a recursive validator.
 */
export function rawJsonBodies(valid: unknown): fc.Arbitrary<RawJson> {
  const text = JSON.stringify(valid ?? {});
  const isObject = text.startsWith('{');
  const firstKey = isObject ? /^\{"((?:[^"\\]|\\.)*)"/.exec(text)?.[1] : undefined;
  const injectFirst = (member: string) => (isObject ? `{${member}${text.length > 2 ? ',' : ''}${text.slice(1)}` : `{${member}}`);
  const bodies = [
    injectFirst('"__proto__":{"polluted":"yes","isAdmin":true}'),
    injectFirst('"constructor":{"prototype":{"polluted":"yes"}}'),
    firstKey === undefined ? '{"a":1,"a":2}' : injectFirst(`"${firstKey}":{"__proto__":{"polluted":"yes"}}`),
    text.replace(/(?<=:)-?\d+(\.\d+)?/, '1e400'),
    text.replace(/(?<=:)-?\d+(\.\d+)?/, '-1e400'),
    text.replace(/(?<=:)"(?:[^"\\]|\\.)*"/, '"\\ud800\\udfff\\ud800"'),
    '['.repeat(50_000) + ']'.repeat(50_000),
    `{"a":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`,
    '"\\u0000"',
    'null',
  ];
  return fc.constantFrom(...bodies).map((body) => new RawJson(body));
}
