import fc from 'fast-check';
import { LEAK } from './fuzz.ts';

// Hostile links for the fuzzer (fuzz.spec.ts): random and hostile query strings and fragments.
//
// Every link mixes the page's own settings with hostile values (markup, `javascript:`, huge and
// tiny numbers, 10 KB values, broken percent-encoding, RTL and control characters, full-width
// digits), keys that name prototype members or nothing, repeated keys, and a fragment that names
// no section.

/** Markup and script in a link: none of it may become an element or run. */
const INJECTIONS = [
  '<script>window.__fuzzRan=1</script>',
  '"><img src=x onerror="window.__fuzzRan=1" data-fuzz-injected>',
  "'><b data-fuzz-injected>bold</b>",
  'javascript:window.__fuzzRan=1',
  '<svg onload="window.__fuzzRan=1" data-fuzz-injected>',
];

const HOSTILE_VALUES = [
  ...INJECTIONS,
  '1e308',
  '-1e308',
  '1e-320',
  '-0',
  '9'.repeat(400),
  '%',
  '%E0%A4%A',
  '%ZZ',
  '%00',
  '０．５',
  '\u202e1.5',
  '\u0000\u0007\u001b',
  'NaN',
  'Infinity',
  '-Infinity',
  'undefined',
  'null',
  'true',
  '[object Object]',
  '',
];

/**
 * A notice names the key the reader's link used (not its value), so a key may not spell one of
 * the leak words: the page would be quoting the link, not leaking.
 */
const quotable = (key: string): boolean => !LEAK.test(key) && !/nan|infinity/i.test(key);

/** A link's query string and fragment, for a page whose settings are `keys`. */
export function linkArbitrary(keys: readonly string[]): fc.Arbitrary<string> {
  const models = [...new Set(keys.map((key) => key.split('.')[0]!))];
  const hostileKey = fc.constantFrom(
    '__proto__.x',
    '__proto__',
    'constructor.prototype.w5',
    'constructor.prototype',
    ...models.flatMap((model) => [`${model}.__proto__`, `${model}.constructor`, `${model}.`]),
    '.x',
    '<b data-fuzz-injected>.x',
  );
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...keys) },
    { weight: 2, arbitrary: hostileKey },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }).filter(quotable) },
  );
  const value = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
  );
  const fragment = fc.constantFrom(
    '',
    '#no-such-section',
    '#%E0%A4%A',
    '#<img src=x onerror="window.__fuzzRan=1">',
  );
  return fc
    .record({
      pairs: fc.array(fc.tuple(key, value), { minLength: 6, maxLength: 14 }),
      encode: fc.boolean(),
      // One 10 KB value or key per link: a server refuses a request line much over 16 KB.
      long: fc.constantFrom('value', 'key'),
      fragment,
    })
    .map(({ pairs, encode, long, fragment }) => {
      const tenKb = 'x'.repeat(10_240);
      const all: (readonly [string, string])[] = [
        ...pairs,
        // Repeated keys: the first setting appears again with another value.
        [pairs[0]![0], '0.5'],
        long === 'value' ? [keys[0]!, tenKb] : [`${tenKb}.y`, '1'],
      ];
      const query = all
        .map(([k, v]) =>
          encode ? `${encodeURIComponent(k)}=${encodeURIComponent(v)}` : `${k}=${v}`,
        )
        .join('&');
      return `?${query}${fragment}`;
    });
}
