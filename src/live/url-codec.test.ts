import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from './url-codec.ts';
import {
  defaultValues,
  isNumberParam,
  snap,
  type AnyModel,
  type ModelSpec,
  type ParamSpec,
  type ParamValue,
  type ParamValues,
} from './model.ts';
import { mazurModel } from './models/mazur.ts';
import { neuronModel } from './models/neuron.ts';
import { models } from './models/registry.ts';

const defaults: ParamValues = defaultValues(mazurModel);
const params: Readonly<Record<string, ParamSpec>> = mazurModel.params;
const names = Object.keys(params);
/** Mazur's number parameters (all but the boolean inPlace). */
const numberNames = names.filter((name) => isNumberParam(params[name]!));

/** Any code point, or a lone surrogate (fast-check's 'binary' unit is slow to start). */
const anyCodeUnit = fc.oneof(
  fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);

/** Every value decoded is valid for its own parameter: in range, an option, or a boolean. */
function expectSane(
  decoded: ReturnType<typeof decodeState>,
  all: Readonly<Record<string, AnyModel>> = models,
): void {
  for (const [instance, values] of Object.entries(decoded.values)) {
    expect(Object.hasOwn(all, instance), instance).toBe(true);
    const model = all[instance]!;
    for (const [name, value] of Object.entries(values)) {
      expect(Object.hasOwn(model.params, name), `${instance}.${name}`).toBe(true);
      const p = model.params[name]!;
      if (p.kind === 'choice') expect(Object.keys(p.options)).toContain(value);
      else if (p.kind === 'boolean') expect(typeof value).toBe('boolean');
      else if (p.kind === 'text') expect(p.check?.(String(value))).toBeUndefined();
      else {
        expect(typeof value).toBe('number');
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(p.min);
        expect(value).toBeLessThanOrEqual(p.max);
      }
    }
  }
  for (const notice of decoded.notices) expect(typeof notice).toBe('string');
}

describe('decodeState()', () => {
  it('reads a parameter of a known model', () => {
    expect(decodeState('?mazur.w5=0.5', models)).toEqual({
      values: { mazur: { w5: 0.5 } },
      notices: [],
    });
  });

  it('reads a query string with or without the leading ?', () => {
    expect(decodeState('mazur.w5=0.5&mazur.eta=1', models)).toEqual({
      values: { mazur: { w5: 0.5, eta: 1 } },
      notices: [],
    });
  });

  it('gives no values and no notices for an empty query string', () => {
    expect(decodeState('', models)).toEqual({ values: {}, notices: [] });
    expect(decodeState('?', models)).toEqual({ values: {}, notices: [] });
  });

  it('reads a comma as the decimal separator, encoded or not, and percent-encoded keys', () => {
    expect(decodeState('?mazur.w5=0,5', models).values).toEqual({ mazur: { w5: 0.5 } });
    expect(decodeState('?mazur.w5=0%2C5', models).values).toEqual({ mazur: { w5: 0.5 } });
    expect(decodeState('?mazur%2Ew5=-1', models).values).toEqual({ mazur: { w5: -1 } });
  });

  it('keeps the last value when a key appears twice', () => {
    expect(decodeState('?mazur.w5=1&mazur.w5=2', models).values).toEqual({ mazur: { w5: 2 } });
  });

  it('leaves keys without a dot (utm_source, lang) alone, without a notice', () => {
    expect(decodeState('?utm_source=news&lang=fr&mazur.w5=1&x=', models)).toEqual({
      values: { mazur: { w5: 1 } },
      notices: [],
    });
  });

  it('ignores an unknown model with a notice naming the key', () => {
    expect(decodeState('?xor.w5=1', models)).toEqual({
      values: {},
      notices: ['“xor.w5” is not a setting of this page, so it was ignored.'],
    });
  });

  it('ignores an unknown parameter of a known model with a notice naming the key', () => {
    expect(decodeState('?mazur.w9=1&mazur.E=0.1', models)).toEqual({
      values: {},
      notices: [
        '“mazur.w9” is not a setting of this page, so it was ignored.',
        '“mazur.E” is not a setting of this page, so it was ignored.',
      ],
    });
  });

  it('ignores a dotted key that is not of the form model.param, with a notice', () => {
    const decoded = decodeState('?Mazur.w5=1&mazur.w5.x=1&.w5=1&mazur.=1', models);
    expect(decoded.values).toEqual({});
    expect(decoded.notices).toHaveLength(4);
    for (const notice of decoded.notices) expect(notice).toMatch(/is not a setting of this page/);
  });

  it('does not mistake Object.prototype members for models or parameters, and never throws', () => {
    const search =
      '?constructor.w5=1&toString.x=1&hasOwnProperty.w5=2&mazur.constructor=3&mazur.toString=4&mazur.__proto__=5&__proto__.w5=6';
    const decoded = decodeState(search, models);
    expect(decoded.values).toEqual({});
    expect(decoded.notices).toHaveLength(7);
    for (const notice of decoded.notices) expect(notice).toMatch(/is not a setting of this page/);
  });

  it('keeps the default of a parameter whose value is not a usable number, saying so', () => {
    for (const raw of ['abc', '', 'NaN', 'Infinity', '-Infinity', '1e999', '-', '1,000.5']) {
      const query = new URLSearchParams({ 'mazur.w5': raw }).toString();
      expect(decodeState(query, models), raw).toEqual({
        values: {},
        notices: ['mazur.w5 in the link is not a usable number, so it keeps its default.'],
      });
    }
  });

  it('clamps an out-of-range value to the range, with a notice', () => {
    expect(decodeState('?mazur.w5=100&mazur.t1=-1&mazur.eta=0', models)).toEqual({
      values: { mazur: { w5: 5, t1: 0, eta: 0.01 } },
      notices: [
        'mazur.w5: 100 is above the maximum 5, so 5 is used.',
        'mazur.t1: \u22121 is below the minimum 0, so 0 is used.',
        'mazur.eta: 0 is below the minimum 0.01, so 0.01 is used.',
      ],
    });
  });

  it('keeps the valid parameters of a link that also has broken ones', () => {
    const decoded = decodeState('?mazur.w5=0.5&mazur.w6=oops&mazur.w99=1&mazur.w7=0,25', models);
    expect(decoded.values).toEqual({ mazur: { w5: 0.5, w7: 0.25 } });
    expect(decoded.notices).toHaveLength(2);
  });

  it('ignores keys and values longer than 64 characters, shortening a long key in its notice', () => {
    const longKey = `mazur.w${'5'.repeat(70)}`;
    const longValue = `0.${'1'.repeat(70)}`;
    const decoded = decodeState(`?${longKey}=1&mazur.w5=${longValue}`, models);
    expect(decoded.values).toEqual({});
    expect(decoded.notices).toHaveLength(2);
    expect(decoded.notices[0]).toContain('…');
    for (const notice of decoded.notices) expect(notice.length).toBeLessThan(120);
    expect(decoded.notices[1]).toBe(
      'mazur.w5 in the link is too long to be a setting, so it keeps its default.',
    );
  });

  it('never throws, and yields only finite in-range values and string notices, for arbitrary strings (property)', () => {
    const search = fc.oneof(
      fc.string(),
      fc.string({ unit: anyCodeUnit }),
      fc.string({
        unit: fc.constantFrom('?', '&', '=', '.', '%', '+', 'mazur', 'w5', '1', 'e', '-'),
      }),
    );
    fc.assert(
      fc.property(search, (text) => {
        expectSane(decodeState(text, models));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('never throws, and yields only finite in-range values, for crafted keys with random values (property)', () => {
    const key = fc.oneof(
      fc.constantFrom(...names.map((name) => `mazur.${name}`)),
      fc.constantFrom('mazur.constructor', 'constructor.w5', 'mazur.__proto__', 'xor.w5', 'mazur'),
    );
    const value = fc.oneof(
      fc.string(),
      fc.string({ unit: anyCodeUnit }),
      fc.double().map(String),
      fc.double().map((d) => String(d).replace('.', ',')),
      fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999', '-1e999', '1e-999', '0,5', '−2'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 6 }), fc.boolean(), (pairs, raw) => {
        // Both as URLSearchParams writes them and pasted raw into the address bar.
        const search = raw
          ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`
          : `?${new URLSearchParams(pairs).toString()}`;
        const decoded = decodeState(search, models);
        expectSane(decoded);
        if (!raw) {
          // Every dotted key is either read or explained.
          const read = Object.values(decoded.values).reduce((n, v) => n + Object.keys(v).length, 0);
          const dotted = new Set(pairs.filter(([k]) => k.includes('.')).map(([k]) => k));
          expect(read + decoded.notices.length).toBeGreaterThanOrEqual(dotted.size);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('works with any models record, including one with a model named like a prototype member', () => {
    const odd: ModelSpec = {
      name: 'constructor',
      params: { a: { label: 'a', default: 0, min: 0, max: 1, step: 0.1 } },
      values: { numbers: [], derive: () => ({}) },
    };
    const record = { constructor: odd } as Readonly<Record<string, ModelSpec>>;
    expect(decodeState('?constructor.a=0.5&toString.a=1', record)).toEqual({
      values: { constructor: { a: 0.5 } },
      notices: ['“toString.a” is not a setting of this page, so it was ignored.'],
    });
    // The value went into the result, not onto the global Object constructor.
    expect(Object.hasOwn(Object, 'a')).toBe(false);
  });
});

describe('encodeState()', () => {
  it('writes nothing for a model at its defaults', () => {
    expect(encodeState('', [{ instance: 'mazur', spec: mazurModel, values: defaults }])).toBe('');
  });

  it('writes only the parameters that differ from their defaults', () => {
    const values = { ...defaults, w5: 0.5, eta: 1 };
    expect(encodeState('', [{ instance: 'mazur', spec: mazurModel, values }])).toBe(
      '?mazur.w5=0.5&mazur.eta=1',
    );
  });

  it('writes negative and tiny numbers in their shortest exact form', () => {
    const values = { ...defaults, w5: -0.25, w6: 1e-7, w7: 0.1 + 0.2 };
    expect(encodeState('', [{ instance: 'mazur', spec: mazurModel, values }])).toBe(
      '?mazur.w5=-0.25&mazur.w6=1e-7&mazur.w7=0.30000000000000004',
    );
  });

  it('keeps every other key, and its order, and appends the model keys', () => {
    const values = { ...defaults, w5: 0.5 };
    expect(
      encodeState('?utm_source=news&mazur.w1=1&lang=fr', [
        { instance: 'mazur', spec: mazurModel, values },
      ]),
    ).toBe('?utm_source=news&lang=fr&mazur.w5=0.5');
  });

  it("keeps other models' keys and removes stale keys of the encoded model", () => {
    expect(
      encodeState('?xor.w1=2&mazur.w5=0.5&mazur.bogus=1', [
        { instance: 'mazur', spec: mazurModel, values: defaults },
      ]),
    ).toBe('?xor.w1=2');
  });

  it('accepts the search string with or without the leading ?', () => {
    const values = { ...defaults, w5: 0.5 };
    expect(encodeState('a=1', [{ instance: 'mazur', spec: mazurModel, values }])).toBe(
      '?a=1&mazur.w5=0.5',
    );
    expect(encodeState('?a=1', [{ instance: 'mazur', spec: mazurModel, values }])).toBe(
      '?a=1&mazur.w5=0.5',
    );
  });

  it('skips missing, NaN and infinite values', () => {
    const values = { w5: NaN, w6: Infinity, w7: -Infinity };
    expect(encodeState('', [{ instance: 'mazur', spec: mazurModel, values }])).toBe('');
  });

  it('writes parameters in the order of the spec, whatever the order of the values', () => {
    const values = { eta: 2, w1: 0.3, i1: 1 };
    expect(encodeState('', [{ instance: 'mazur', spec: mazurModel, values }])).toBe(
      '?mazur.i1=1&mazur.w1=0.3&mazur.eta=2',
    );
  });

  it('gives back, through decodeState(), exactly the values that differ from the defaults (property)', () => {
    const changes = fc.dictionary(
      fc.constantFrom(...numberNames),
      fc.double({ noNaN: true, min: -10, max: 10 }),
      { maxKeys: numberNames.length },
    );
    fc.assert(
      fc.property(
        changes,
        fc.constantFrom('', '?utm_source=x', '?mazur.w5=3&lang=fr'),
        (raw, search) => {
          const values: Record<string, ParamValue> = { ...defaults };
          for (const [name, value] of Object.entries(raw)) {
            const p = params[name];
            if (p && isNumberParam(p)) values[name] = snap(p, value);
          }
          const expected = Object.fromEntries(
            Object.entries(values).filter(([name, value]) => value !== defaults[name]),
          );
          const decoded = decodeState(
            encodeState(search, [{ instance: 'mazur', spec: mazurModel, values }]),
            models,
          );
          expect(decoded.notices).toEqual([]);
          expect(decoded.values).toEqual(Object.keys(expected).length ? { mazur: expected } : {});
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('round-trips any finite in-range value exactly, not only snapped ones (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -5, max: 5 }), (w5) => {
        fc.pre(w5 !== defaults.w5);
        const search = encodeState('', [
          { instance: 'mazur', spec: mazurModel, values: { ...defaults, w5 } },
        ]);
        expect(decodeState(search, models)).toEqual({
          values: { mazur: { w5: w5 === 0 ? 0 : w5 } },
          notices: [],
        });
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('choices and booleans in the URL', () => {
  const both = { mazur: mazurModel, neuron: neuronModel };

  it('reads a choice by its option name, in any case', () => {
    expect(decodeState('?neuron.act=tanh', both)).toEqual({
      values: { neuron: { act: 'tanh' } },
      notices: [],
    });
    expect(decodeState('?neuron.act=Leaky-ReLU', both).values).toEqual({
      neuron: { act: 'leaky-relu' },
    });
  });

  it('keeps the default of a choice given an unknown option, with a notice listing the options', () => {
    expect(decodeState('?neuron.act=bogus&neuron.x1=2', both)).toEqual({
      values: { neuron: { x1: 2 } },
      notices: [
        'neuron.act in the link must be one of sigmoid, tanh, relu, leaky-relu, elu, so it keeps its default.',
      ],
    });
  });

  it('reads true, false, 1 and 0 for a boolean', () => {
    for (const [raw, value] of [
      ['true', true],
      ['1', true],
      ['false', false],
      ['0', false],
    ] as const) {
      expect(decodeState(`?mazur.inPlace=${raw}`, both), raw).toEqual({
        values: { mazur: { inPlace: value } },
        notices: [],
      });
    }
  });

  it('keeps the default of a boolean given any other word, saying so', () => {
    for (const raw of ['yes', 'on', '2', '']) {
      expect(decodeState(`?mazur.inPlace=${raw}`, both), raw).toEqual({
        values: {},
        notices: ['mazur.inPlace in the link must be true or false, so it keeps its default.'],
      });
    }
  });

  it('writes booleans as true/false and choices by option name', () => {
    const neuron = { ...defaultValues(neuronModel), act: 'leaky-relu' };
    expect(
      encodeState('', [
        { instance: 'mazur', spec: mazurModel, values: { ...defaults, inPlace: true } },
        { instance: 'neuron', spec: neuronModel, values: neuron },
      ]),
    ).toBe('?mazur.inPlace=true&neuron.act=leaky-relu');
  });

  it('writes false when false is a change from a page default of true', () => {
    expect(
      encodeState('', [
        {
          instance: 'mazur',
          spec: mazurModel,
          values: { ...defaults, inPlace: false },
          defaults: { inPlace: true },
        },
      ]),
    ).toBe('?mazur.inPlace=false');
  });
});

describe('instances in the URL', () => {
  const page = { neuron: neuronModel, 'neuron-second': neuronModel };

  it('reads two instances of one model into separate values', () => {
    expect(decodeState('?neuron.act=tanh&neuron-second.act=relu&neuron-second.b=1', page)).toEqual({
      values: { neuron: { act: 'tanh' }, 'neuron-second': { act: 'relu', b: 1 } },
      notices: [],
    });
  });

  it('ignores an instance the page does not have, even of a model it uses, with a notice', () => {
    expect(decodeState('?neuron-third.act=tanh&mazur.w5=1', page)).toEqual({
      values: {},
      notices: [
        '“neuron-third.act” is not a setting of this page, so it was ignored.',
        '“mazur.w5” is not a setting of this page, so it was ignored.',
      ],
    });
  });

  it("writes each instance under its own keys, and keeps another instance's keys", () => {
    const start = defaultValues(neuronModel);
    const second = { instance: 'neuron-second', spec: neuronModel, values: { ...start, b: 1 } };
    expect(
      encodeState('', [{ instance: 'neuron', spec: neuronModel, values: start }, second]),
    ).toBe('?neuron-second.b=1');
    const first = { instance: 'neuron', spec: neuronModel, values: { ...start, act: 'tanh' } };
    expect(encodeState('?neuron-second.b=1&neuron.x1=3', [first])).toBe(
      '?neuron-second.b=1&neuron.act=tanh',
    );
  });
});

describe('page defaults in the URL', () => {
  const pageDefaults = { act: 'tanh', w1: 2 };
  const at = (values: Readonly<Record<string, ParamValue>>) =>
    encodeState('', [
      {
        instance: 'neuron',
        spec: neuronModel,
        values: { ...defaultValues(neuronModel), ...pageDefaults, ...values },
        defaults: pageDefaults,
      },
    ]);

  it('does not write a value equal to the page default', () => {
    expect(at({})).toBe('');
  });

  it("writes the spec's default where the page default differs from it", () => {
    expect(at({ act: 'sigmoid', w1: 0.8 })).toBe('?neuron.w1=0.8&neuron.act=sigmoid');
  });

  it('still writes other changes against the spec defaults', () => {
    expect(at({ x2: 1 })).toBe('?neuron.x2=1');
  });
});

describe('encodeState() and decodeState() together', () => {
  /** A random valid value for every parameter of `spec`. */
  const valuesOf = (spec: AnyModel) =>
    fc.record(
      Object.fromEntries(
        Object.entries(spec.params).map(([name, p]): [string, fc.Arbitrary<ParamValue>] => [
          name,
          p.kind === 'choice'
            ? fc.constantFrom(...Object.keys(p.options))
            : p.kind === 'boolean'
              ? fc.boolean()
              : p.kind === 'text'
                ? fc.constantFrom(p.default, 'x*w + b', 'sin(x)^2 - 1/(1 + b)')
                : p.integer === true
                  ? fc.integer({ min: p.min, max: p.max })
                  : // -0 is written as 0: the URL cannot tell them apart, and neither can `===`.
                    fc.double({ noNaN: true, min: p.min, max: p.max }).map((v) => v + 0),
        ]),
      ),
    );

  it('gives back exactly the changed values of mazur and neuron, every kind, for any valid values (property)', () => {
    const both = { mazur: mazurModel, neuron: neuronModel };
    fc.assert(
      fc.property(
        valuesOf(mazurModel),
        valuesOf(neuronModel),
        fc.constantFrom('', '?utm_source=x', '?mazur.w5=3&neuron.act=elu&lang=fr'),
        (mazur, neuron, search) => {
          const encoded = encodeState(search, [
            { instance: 'mazur', spec: mazurModel, values: mazur },
            { instance: 'neuron', spec: neuronModel, values: neuron },
          ]);
          const decoded = decodeState(encoded, both);
          expect(decoded.notices).toEqual([]);
          const changed = (spec: AnyModel, values: Readonly<Record<string, ParamValue>>) =>
            Object.fromEntries(
              Object.entries(values).filter(
                ([name, value]) => value !== spec.params[name]!.default,
              ),
            );
          const expected: Record<string, Record<string, ParamValue>> = {};
          for (const [instance, spec, values] of [
            ['mazur', mazurModel, mazur],
            ['neuron', neuronModel, neuron],
          ] as const) {
            const diff = changed(spec, values);
            if (Object.keys(diff).length > 0) expected[instance] = diff;
          }
          expect(decoded.values).toEqual(expected);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
