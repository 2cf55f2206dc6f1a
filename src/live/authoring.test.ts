import { describe, expect, it } from 'vitest';
import { activate, activationDerivative } from '../engine/activations.ts';
import { mazurWorkedExample } from '../engine/mazur.ts';
import {
  AuthoringError,
  pageModels,
  resolveArray,
  resolveDigits,
  resolveInstance,
  resolveParam,
  resolveDerivedValue,
  resolveValue,
  valuesAt,
} from './authoring.ts';
import { checkModel, defaultValues } from './model.ts';
import { mazurModel } from './models/mazur.ts';
import { neuronModel } from './models/neuron.ts';

const at = 'content/docs/x.mdx: <Editable param>';
const file = 'content/docs/x.mdx';

describe('resolveParam()', () => {
  it('returns the parameter spec of a valid reference', () => {
    const { instance, spec, name, param, value } = resolveParam('mazur.w5', at);
    expect([instance, spec.name, name, param.default, param.label, value]).toEqual([
      'mazur',
      'mazur',
      'w5',
      0.4,
      'weight w5, from h1 to o1',
      0.4,
    ]);
  });

  it('resolves choice and boolean parameters too', () => {
    expect(resolveParam('neuron.act', at)).toMatchObject({
      value: 'sigmoid',
      param: { kind: 'choice' },
    });
    expect(resolveParam('mazur.inPlace', at)).toMatchObject({
      value: false,
      param: { kind: 'boolean' },
    });
  });

  it('names the file and prop, and lists the choices, for an unknown model or parameter', () => {
    expect(() => resolveParam('mazr.w5', at)).toThrow(
      'content/docs/x.mdx: <Editable param>="mazr.w5": there is no model "mazr". Models: activations, autodiff, depth, dying, fit, mazur, neuron, shapes, work, zigzag.',
    );
    expect(() => resolveParam('mazur.w9', at)).toThrow(
      /model "mazur" has no parameter "w9"\. Its parameters: i1, i2, w1/,
    );
    expect(() => resolveParam('mazur.E', at)).toThrow(/has no parameter "E"/);
    expect(() => resolveParam('mazur.constructor', at)).toThrow(AuthoringError);
  });

  it('rejects references that are not "model.name" strings', () => {
    expect(() => resolveParam('w5', at)).toThrow(/must have the form "model\.name"/);
    expect(() => resolveParam(5, at)).toThrow(/must be a string like "mazur\.w5", got 5/);
    expect(() => resolveParam(undefined, at)).toThrow(/got undefined/);
  });

  it("gives a page instance's starting value, and the spec's where the page sets none", () => {
    const page = pageModels({ 'neuron-second': { act: 'tanh' } }, file);
    expect(resolveParam('neuron-second.act', at, page)).toMatchObject({
      instance: 'neuron-second',
      spec: neuronModel,
      value: 'tanh',
      defaults: { act: 'tanh' },
    });
    expect(resolveParam('neuron-second.w1', at, page).value).toBe(neuronModel.params.w1.default);
    expect(resolveParam('neuron.act', at, page).value).toBe('sigmoid');
  });
});

describe('resolveValue()', () => {
  it('returns the default value the engine computes, for derived values and parameters', () => {
    expect(resolveValue('mazur.E', at).value).toBe(mazurWorkedExample().E);
    expect(resolveValue('mazur.w5', at).value).toBe(0.4);
    expect(resolveValue('mazur.eta', at).value).toBe(0.5);
  });

  it('suggests close names for a misspelt value', () => {
    expect(() => resolveValue('mazur.out_o3', at)).toThrow(
      /has no value "out_o3"\. Did you mean: .*out_o1/,
    );
  });

  it('refuses an array, a choice or a boolean where a number is wanted', () => {
    expect(() => resolveValue('neuron.curveF', at)).toThrow(/has no value "curveF"/);
    expect(() => resolveValue('neuron.act', at)).toThrow(/is a choice parameter/);
    expect(() => resolveValue('mazur.inPlace', at)).toThrow(/is a boolean parameter/);
  });

  it('gives the value at the page defaults for a page instance', () => {
    const page = pageModels({ neuron: { act: 'tanh', w1: 2 } }, file);
    // The starting inputs (1, −0.5, 2) and weights (w2 = 0.4, w3 = −0.2), bias 0.1, with w1 = 2.
    const z = 2 * 1 + 0.4 * -0.5 + -0.2 * 2 + 0.1;
    expect(resolveValue('neuron.z', at, page).value).toBeCloseTo(z, 15);
    expect(resolveValue('neuron.a', at, page).value).toBeCloseTo(activate('tanh', z), 15);
    expect(resolveValue('neuron.a', at).value).toBe(activate('sigmoid', 0.4));
  });

  it('fails the build for an undeclared suffixed instance, saying how to declare it', () => {
    expect(() => resolveValue('mazur-x.w5', at)).toThrow(
      `${at}="mazur-x.w5": this page declares no instance "mazur-x". Add it to the frontmatter: models: { mazur-x: {} }.`,
    );
  });
});

describe('resolveDerivedValue()', () => {
  it('accepts a derived value and refuses a parameter, whose value the page shows beside it', () => {
    expect(resolveDerivedValue('neuron.a', 'x.mdx: <Exercise answer>').value).toBeCloseTo(
      resolveValue('neuron.a', 'x.mdx').value,
      15,
    );
    expect(() => resolveDerivedValue('neuron.w1', 'x.mdx: <Exercise answer>')).toThrow(
      /x\.mdx: <Exercise answer>="neuron\.w1" is a parameter the reader sets, not a value the page computes: an exercise's answer must be a derived value, such as "neuron\.\w+"\./,
    );
  });
});

describe('resolveArray()', () => {
  it("returns an array value at the page's starting values", () => {
    const { value } = resolveArray('neuron.curveDf', at);
    expect(value).toHaveLength(121);
    const page = pageModels({ neuron: { act: 'relu' } }, file);
    const relu = resolveArray('neuron.curveF', at, page).value;
    expect(Array.from(relu).slice(59, 62)).toEqual([0, 0, 0.1]);
    expect(resolveArray('neuron.curveDf', at, page).value[70]).toBe(
      activationDerivative('relu', 1),
    );
  });

  it('refuses a number, or a name that is not there', () => {
    expect(() => resolveArray('neuron.z', at)).toThrow('has no array of values "z"');
    expect(() => resolveArray('neuron.curve', at)).toThrow(
      /has no array of values "curve"\. Did you mean: curveX, curveF, curveDf\?/,
    );
  });
});

describe('resolveInstance()', () => {
  it('gives the spec of a model, or of an instance the page declares', () => {
    expect(resolveInstance('mazur', at)).toBe(mazurModel);
    const page = pageModels({ 'neuron-second': {} }, file);
    expect(resolveInstance('neuron-second', at, page)).toBe(neuronModel);
  });

  it('names the instance, not a made-up ref, when it is unknown or undeclared', () => {
    expect(() => resolveInstance('nosuch', at)).toThrow(
      `${at}="nosuch": there is no model "nosuch". Models: activations, autodiff, depth, dying, fit, mazur, neuron, shapes, work, zigzag.`,
    );
    expect(() => resolveInstance('neuron-second', at)).toThrow(
      `${at}="neuron-second": this page declares no instance "neuron-second".`,
    );
  });
});

describe('pageModels()', () => {
  it('gives nothing for a page without models, and each instance with its own values', () => {
    expect(pageModels(undefined, file)).toEqual({});
    expect(pageModels(null, file)).toEqual({});
    expect(
      pageModels({ neuron: { act: 'tanh' }, 'neuron-second': {}, mazur: { inPlace: true } }, file),
    ).toEqual({
      neuron: { spec: neuronModel, defaults: { act: 'tanh' } },
      'neuron-second': { spec: neuronModel, defaults: {} },
      mazur: { spec: mazurModel, defaults: { inPlace: true } },
    });
  });

  it('rejects an instance of an unknown model, naming the file and the key', () => {
    for (const key of ['nosuch', 'Mazur', 'mazur_x', 'a-b-c', 'constructor']) {
      expect(() => pageModels({ [key]: {} }, file), key).toThrow(
        `${file}: models.${key} is not an instance of a model. Name it after one (activations, autodiff, depth, dying, fit, mazur, neuron, shapes, work, zigzag), e.g. "mazur" or "mazur-second".`,
      );
    }
  });

  it('rejects a parameter the model does not have, listing its parameters', () => {
    expect(() => pageModels({ neuron: { act: 'tanh', bias: 1 } }, file)).toThrow(
      `${file}: models.neuron.bias: model "neuron" has no parameter "bias". Its parameters: x1, x2, x3, w1, w2, w3, b, act, leak, alpha.`,
    );
    expect(() => pageModels({ neuron: { z: 1 } }, file)).toThrow(
      /models\.neuron\.z: model "neuron" has no parameter "z"/,
    );
  });

  it('rejects a value of the wrong kind, naming the file and the key', () => {
    expect(() => pageModels({ neuron: { act: 'bogus' } }, file)).toThrow(
      `${file}: models.neuron.act is "bogus": act must be one of sigmoid, tanh, relu, leaky-relu, elu.`,
    );
    expect(() => pageModels({ mazur: { inPlace: 'true' } }, file)).toThrow(
      `${file}: models.mazur.inPlace is "true": inPlace must be true or false.`,
    );
    expect(() => pageModels({ mazur: { w5: '0.5' } }, file)).toThrow(
      `${file}: models.mazur.w5 is "0.5": w5 must be an ordinary number.`,
    );
  });

  it('rejects a number out of range rather than clamping it', () => {
    expect(() => pageModels({ 'mazur-big': { w5: 9 } }, file)).toThrow(
      `${file}: models.mazur-big.w5: 9 is above the maximum 5.`,
    );
  });

  it('rejects frontmatter of the wrong shape', () => {
    for (const bad of [[], 'mazur', 3]) {
      expect(() => pageModels(bad, file), String(bad)).toThrow(
        `${file}: "models" must map instance names to starting values.`,
      );
    }
    for (const bad of [5, null, [], 'tanh']) {
      expect(() => pageModels({ neuron: bad }, file), String(bad)).toThrow(
        `${file}: models.neuron must list starting values, e.g. { w5: 0.5 }.`,
      );
    }
  });
});

describe('valuesAt()', () => {
  it("gives the parameters and every derived value at the spec's defaults", () => {
    const values = valuesAt(mazurModel);
    expect(values).toEqual({ ...defaultValues(mazurModel), ...checkModel(mazurModel) });
  });

  it('applies the page defaults, and computes each set of defaults once', () => {
    const tanh = valuesAt(neuronModel, { act: 'tanh' });
    expect(tanh['act']).toBe('tanh');
    expect(tanh['a']).toBe(activate('tanh', 0.4)); // z = 0.9 − 0.2 − 0.4 + 0.1
    expect(valuesAt(neuronModel, { act: 'tanh' })).toBe(tanh);
    expect(valuesAt(neuronModel)).not.toBe(tanh);
  });
});

describe('resolveDigits()', () => {
  it('uses the fallback when absent and accepts whole numbers from 0 to 10', () => {
    expect(resolveDigits(undefined, at, 4)).toBe(4);
    expect(resolveDigits(0, at, 4)).toBe(0);
    expect(resolveDigits(10, at, 4)).toBe(10);
  });

  it('rejects anything else, naming the prop', () => {
    for (const bad of [-1, 11, 2.5, NaN, '4', null]) {
      expect(() => resolveDigits(bad, at, 4)).toThrow(
        /<Editable param>=.* must be a whole number from 0 to 10/,
      );
    }
  });
});

describe('resolveValue() on a parameter that is not a number', () => {
  it('says the parameter is a choice, and how to show it instead', () => {
    expect(() => resolveValue('neuron.act', 'content/docs/x.mdx: <Value of>')).toThrow(
      'content/docs/x.mdx: <Value of>="neuron.act": "act" is a choice parameter of model "neuron", not a number. Edit it with <Editable param="neuron.act">.',
    );
  });
});
