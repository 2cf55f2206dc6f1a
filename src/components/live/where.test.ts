import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { AuthoringError } from '../../live/authoring.ts';
import { livePage, parseProps, where } from './where.ts';

// Outside Starlight (as here) the file is named by the page's URL.
const locals = {} as App.Locals;
const url = new URL('http://localhost/chapters/x/');
const schema = z.strictObject({
  of: z.string({ error: 'must be a string like "mazur.E"' }),
  digits: z.int().min(0).max(10, 'must be a whole number from 0 to 10').default(4),
});

describe('parseProps()', () => {
  it('returns the parsed props, with defaults filled in', () => {
    expect(parseProps(schema, { of: 'mazur.E' }, locals, url, 'Value')).toEqual({
      of: 'mazur.E',
      digits: 4,
    });
  });

  it('ignores the style scope Astro passes to a child component', () => {
    const props = { of: 'mazur.E', class: 'astro-x1', 'data-astro-cid-abc': '' };
    expect(parseProps(schema, props, locals, url, 'Value').of).toBe('mazur.E');
  });

  it('fails on a prop that does not exist, naming the page, the component and the prop', () => {
    expect(() => parseProps(schema, { of: 'mazur.E', digit: 2 }, locals, url, 'Value')).toThrow(
      '/chapters/x/: <Value digit>: <Value> has no such prop.',
    );
  });

  it('says what a wrong value must be, one line per problem', () => {
    let message = '';
    try {
      parseProps(schema, { of: 5, digits: 12 }, locals, url, 'Value');
    } catch (error) {
      expect(error).toBeInstanceOf(AuthoringError);
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      '/chapters/x/: <Value of>=5: must be a string like "mazur.E"',
      '/chapters/x/: <Value digits>=12: must be a whole number from 0 to 10',
    ]);
  });
});

describe('where() and livePage()', () => {
  it('names the component and prop, and a page outside Starlight declares no models', () => {
    expect(where(locals, url, 'Editable', 'param')).toBe('/chapters/x/: <Editable param>');
    expect(livePage(locals, url)).toEqual({});
  });
});
