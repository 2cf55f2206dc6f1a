import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chapters } from './outline.ts';
import {
  embedId,
  findEmbeds,
  parseHide,
  stateQuery,
  themeNotices,
  widgetInstances,
} from './embeds.ts';

const chapter = (source: string, slug = 'x') => ({ slug, file: `chapters/${slug}.mdx`, source });

describe('embedId()', () => {
  it('is the component alone for its default instances, with each other instance added', () => {
    expect(embedId('NeuronDiagram', {})).toBe('neuron-diagram');
    expect(embedId('NeuronDiagram', { instance: 'neuron' })).toBe('neuron-diagram');
    expect(embedId('NeuronDiagram', { instance: 'neuron-relu' })).toBe(
      'neuron-diagram-neuron-relu',
    );
    expect(embedId('Training', { model: 'dying-leaky', name: 'Training the second copy' })).toBe(
      'training-dying-leaky',
    );
    expect(embedId('Zigzag', { right: 'zigzag-centred' })).toBe('zigzag-zigzag-centred');
  });
});

describe('widgetInstances()', () => {
  it('names every instance the widget shows, defaults and fixed ones included', () => {
    expect(widgetInstances('Zigzag', { left: 'zigzag-batch' })).toEqual([
      'zigzag-batch',
      'zigzag-tanh',
    ]);
    expect(widgetInstances('NetworkDiagram', {})).toEqual(['mazur']);
    expect(widgetInstances('Training', { model: 'dying' })).toEqual(['dying']);
  });
});

describe('findEmbeds()', () => {
  it('finds each widget with its props and the chapter it is in, and nothing in code blocks', () => {
    const found = findEmbeds([
      chapter('<NeuronDiagram />\n\n```mdx\n<Training model="mazur" />\n```\n', 'neuron'),
      chapter(
        `<Training model="dying" name="Training the ReLU copy" />\n<Training\n  model='dying-leaky'\n/>`,
        'activations',
      ),
    ]);
    expect(found.map((e) => [e.id, e.chapter, e.label])).toEqual([
      ['neuron-diagram', 'neuron', 'Neuron diagram'],
      ['training-dying', 'activations', 'Training the ReLU copy'],
      ['training-dying-leaky', 'activations', 'Training panel'],
    ]);
    expect(found[2]?.props).toEqual({ model: 'dying-leaky' });
  });

  it('fails on two uses that would share a page, and on props it cannot read', () => {
    expect(() =>
      findEmbeds([chapter('<DepthFlow />', 'a'), chapter('<DepthFlow instance="depth" />', 'b')]),
    ).toThrow(
      /chapters\/b\.mdx: <DepthFlow> would have the embed page \/embed\/depth-flow\/, which chapters\/a\.mdx/,
    );
    expect(() => findEmbeds([chapter('<Training model={name} />')])).toThrow(
      /must be plain text, like model="dying"/,
    );
  });

  it('gives every widget in the course its own page', () => {
    const sources = chapters.map(({ slug }) =>
      chapter(readFileSync(`content/docs/chapters/${slug}.mdx`, 'utf8'), slug),
    );
    const ids = findEmbeds(sources).map((e) => e.id);
    expect(ids).toContain('training-mazur');
    expect(ids).toContain('depth-flow');
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('parseHide()', () => {
  it('reads commas, spaces and repeated keys, in any case, and says once if it cannot use one', () => {
    expect(parseHide('?hide=text,controls')).toEqual({ hide: ['controls', 'text'], notices: [] });
    expect(parseHide('?hide=Controls&hide=text')).toEqual({
      hide: ['controls', 'text'],
      notices: [],
    });
    const { hide, notices } = parseHide(`?hide=controls+undefined,${'x'.repeat(40)}`);
    expect(hide).toEqual(['controls']);
    expect(notices).toEqual([
      'The link asks to hide something this figure does not have, so that part of it was ignored. A link can hide controls or text.',
    ]);
    expect(parseHide('?mazur.w5=1')).toEqual({ hide: [], notices: [] });
  });
});

describe('stateQuery()', () => {
  it("keeps only the widget's own instances' settings", () => {
    expect(stateQuery('?dying.eta=1&mazur.w5=0.9&dying-leaky.eta=2&hide=text', ['dying'])).toBe(
      '?dying.eta=1',
    );
    expect(stateQuery('?mazur.w5=0.9', ['dying'])).toBe('');
  });
});

describe('themeNotices()', () => {
  it('says nothing for light, dark or none, and one sentence for anything else', () => {
    expect(themeNotices('?theme=light')).toEqual([]);
    expect(themeNotices('?theme=dark')).toEqual([]);
    expect(themeNotices('?mazur.w5=1')).toEqual([]);
    expect(themeNotices('?theme=%3Cb%3E')).toEqual([
      "The link asks for a colour theme this page does not have, so it follows your system's setting. A link can ask for light or dark.",
    ]);
  });
});
