import { describe, expect, it } from 'vitest';
import { ExpressionError, MAX_LENGTH, parseExpression, type Expr } from './expression.ts';

/** The expression written back fully bracketed, to compare structure. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return String(Number(e.value.toPrecision(6)));
    case 'var':
      return e.name;
    case 'unary':
      return `${e.op}(${show(e.arg)})`;
    case 'binary':
      return `${e.op}(${show(e.left)}, ${show(e.right)})`;
  }
}
const parse = (source: string) => show(parseExpression(source));
const error = (source: string): { message: string; position: number } => {
  try {
    parseExpression(source);
  } catch (e) {
    if (e instanceof ExpressionError) return { message: e.message, position: e.position };
    throw e;
  }
  throw new Error(`"${source}" parsed`);
};

describe('parseExpression()', () => {
  it('reads the notes’ sigmoid, written several ways', () => {
    const want = 'div(1, add(exp(neg(add(mul(w, x), b))), 1))';
    expect(parse('1/(exp(-(w*x+b))+1)')).toBe(want);
    expect(parse('1 / (exp(−(wx + b)) + 1)')).toBe(want);
    expect(parse('1÷(exp(-(w·x+b))+1)')).toBe(want);
    expect(parse('sigmoid(w x + b)')).toBe('sigmoid(add(mul(w, x), b))');
    expect(parse('σ(wx+b)')).toBe('sigmoid(add(mul(w, x), b))');
  });

  it('binds ^ tighter than unary minus, right to left, and products tighter than sums', () => {
    expect(parse('-x^2')).toBe('neg(pow(x, 2))');
    expect(parse('2^3^2')).toBe('pow(2, pow(3, 2))');
    expect(parse('x^-1')).toBe('pow(x, neg(1))');
    expect(parse('x - w - b')).toBe('sub(sub(x, w), b)');
    expect(parse('x / w / b')).toBe('div(div(x, w), b)');
    expect(parse('2x + 3(w - b)')).toBe('add(mul(2, x), mul(3, sub(w, b)))');
    expect(parse('max(0, w*x) + ln(e)')).toBe('add(max(0, mul(w, x)), log(2.71828))');
    expect(parse('1.5e-3 * pi')).toBe('mul(0.0015, 3.14159)');
  });

  it('says what is wrong and where, for each kind of mistake', () => {
    expect(error('')).toEqual({ message: 'The expression is empty.', position: 0 });
    expect(error('x +')).toEqual({
      message: 'Expected a number, a variable or "(", found the end.',
      position: 3,
    });
    expect(error('(x + 1')).toEqual({ message: 'Expected ")", found the end.', position: 6 });
    expect(error('x $ 2')).toEqual({ message: '"$" is not part of an expression.', position: 2 });
    expect(error('y + 1').message).toMatch(/^"y" is not a variable or a function\. Use x, w, b/);
    expect(error('exp x')).toEqual({
      message: 'Expected "(" after exp, found "x".',
      position: 4,
    });
    expect(error('max(x)')).toEqual({
      message: 'Expected "," between the two arguments of max, found ")".',
      position: 5,
    });
    expect(error('x 2')).toEqual({ message: 'Write "*" before the number 2.', position: 2 });
    expect(error('x)')).toEqual({
      message: 'Unexpected ")": is an operator missing?',
      position: 1,
    });
    expect(error('1e999').message).toBe('The number "1e999" is too large.');
    expect(error('x'.repeat(MAX_LENGTH + 1)).position).toBe(MAX_LENGTH);
    expect(error('('.repeat(70) + 'x' + ')'.repeat(70)).message).toBe(
      'The expression is nested too deeply.',
    );
  });
});
