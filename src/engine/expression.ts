/**
 * The reader's own function for chapter 5: an expression in x, w and b, parsed by a small
 * recursive-descent parser (no eval, no Function: the site runs under a strict CSP).
 *
 * Grammar, loosest first:
 *
 *   sum     = product (("+" | "-") product)*
 *   product = unary (("*" | "/" | implicit) unary)*      2x, 2(x + 1), w x: implicit products
 *   unary   = ("-" | "+") unary | power
 *   power   = call ("^" unary)?                          right-associative: 2^3^2 = 2^9; -x^2 = -(x^2)
 *   call    = name "(" sum ("," sum)* ")" | atom
 *   atom    = number | "x" | "w" | "b" | "e" | "pi" | "(" sum ")"
 *
 * × · ÷ − and σ are accepted for *, *, /, - and sigmoid. Every node keeps the span of source
 * it came from, and a mistake throws an ExpressionError that says what was expected and where.
 */

export type Variable = 'x' | 'w' | 'b';
export const VARIABLES: readonly Variable[] = ['x', 'w', 'b'];

export type UnaryOp = 'neg' | 'exp' | 'log' | 'sin' | 'cos' | 'tanh' | 'sigmoid';
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'max';

export type Expr =
  | { readonly kind: 'num'; readonly value: number; readonly start: number; readonly end: number }
  | { readonly kind: 'var'; readonly name: Variable; readonly start: number; readonly end: number }
  | {
      readonly kind: 'unary';
      readonly op: UnaryOp;
      readonly arg: Expr;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly start: number;
      readonly end: number;
    };

/** A mistake in an expression, at a position (0-based, in UTF-16 units) of its source. */
export class ExpressionError extends Error {
  readonly position: number;

  constructor(message: string, position: number) {
    super(message);
    this.name = 'ExpressionError';
    this.position = position;
  }
}

/** The functions of one argument, and max of two, by the names a reader may type. */
const FUNCTIONS: Readonly<Record<string, UnaryOp | 'max'>> = {
  exp: 'exp',
  log: 'log',
  ln: 'log',
  sin: 'sin',
  cos: 'cos',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  σ: 'sigmoid',
  max: 'max',
};

const SYMBOLS: Readonly<Record<string, string>> = { '×': '*', '·': '*', '÷': '/', '−': '-' };

/** The longest source the parser takes: enough for any function a reader writes by hand. */
export const MAX_LENGTH = 200;

type Token =
  | { readonly kind: 'num'; readonly value: number; readonly start: number; readonly end: number }
  | { readonly kind: 'name'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'op'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'end'; readonly start: number; readonly end: number };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const number = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i));
    if (number) {
      const value = Number(number[0]);
      if (!Number.isFinite(value)) {
        throw new ExpressionError(`The number "${number[0]}" is too large.`, i);
      }
      tokens.push({ kind: 'num', value, start: i, end: i + number[0].length });
      i += number[0].length;
      continue;
    }
    const name = /^(?:[a-zA-Z]+|σ|π)/.exec(source.slice(i));
    if (name) {
      const text = name[0];
      // "wx" is w times x, as the notes write it: a run of the variables' letters is a product.
      if (text.length > 1 && /^[xwb]+$/.test(text)) {
        for (let k = 0; k < text.length; k++) {
          tokens.push({ kind: 'name', text: text[k]!, start: i + k, end: i + k + 1 });
        }
      } else tokens.push({ kind: 'name', text, start: i, end: i + text.length });
      i += text.length;
      continue;
    }
    const op = SYMBOLS[c] ?? c;
    if ('+-*/^(),'.includes(op)) {
      tokens.push({ kind: 'op', text: op, start: i, end: i + 1 });
      i++;
      continue;
    }
    throw new ExpressionError(`"${c}" is not part of an expression.`, i);
  }
  tokens.push({ kind: 'end', start: source.length, end: source.length });
  return tokens;
}

const describe = (t: Token): string =>
  t.kind === 'end' ? 'the end' : t.kind === 'num' ? `the number ${t.value}` : `"${t.text}"`;

/** Parses `source`; throws ExpressionError with a position for anything it cannot read. */
export function parseExpression(source: string): Expr {
  if (source.length > MAX_LENGTH) {
    throw new ExpressionError(`An expression can be at most ${MAX_LENGTH} characters.`, MAX_LENGTH);
  }
  const tokens = tokenize(source);
  let at = 0;
  const peek = (): Token => tokens[at]!;
  const next = (): Token => tokens[at++]!;
  const isOp = (t: Token, text: string): t is Extract<Token, { kind: 'op' }> =>
    t.kind === 'op' && t.text === text;
  const expect = (text: string, what: string): Token => {
    const t = next();
    if (!isOp(t, text))
      throw new ExpressionError(`Expected ${what}, found ${describe(t)}.`, t.start);
    return t;
  };
  // Nesting deeper than this is not a function a reader types, and would exhaust the stack.
  let depth = 0;
  const deeper = (t: Token): void => {
    if (++depth > 60) throw new ExpressionError('The expression is nested too deeply.', t.start);
  };

  const binary = (op: BinaryOp, left: Expr, right: Expr): Expr => ({
    kind: 'binary',
    op,
    left,
    right,
    start: left.start,
    end: right.end,
  });

  function sum(): Expr {
    let left = product();
    for (;;) {
      const t = peek();
      if (isOp(t, '+') || isOp(t, '-')) {
        next();
        left = binary(t.text === '+' ? 'add' : 'sub', left, product());
      } else return left;
    }
  }

  // Where a product may continue without "*": a number, a name or "(" right after a factor.
  const startsFactor = (t: Token): boolean => t.kind === 'num' || t.kind === 'name' || isOp(t, '(');

  function product(): Expr {
    let left = unary();
    for (;;) {
      const t = peek();
      if (isOp(t, '*') || isOp(t, '/')) {
        next();
        left = binary(t.text === '*' ? 'mul' : 'div', left, unary());
      } else if (startsFactor(t)) {
        if (t.kind === 'num' && left.kind !== 'num') {
          throw new ExpressionError(`Write "*" before ${describe(t)}.`, t.start);
        }
        left = binary('mul', left, unary());
      } else return left;
    }
  }

  function unary(): Expr {
    const t = peek();
    if (isOp(t, '-') || isOp(t, '+')) {
      next();
      deeper(t);
      const arg = unary();
      depth--;
      return t.text === '+' ? arg : { kind: 'unary', op: 'neg', arg, start: t.start, end: arg.end };
    }
    return power();
  }

  function power(): Expr {
    const base = call();
    const t = peek();
    if (!isOp(t, '^')) return base;
    next();
    deeper(t);
    const exponent = unary();
    depth--;
    return binary('pow', base, exponent);
  }

  function call(): Expr {
    const t = peek();
    if (t.kind === 'name' && Object.hasOwn(FUNCTIONS, t.text)) {
      next();
      const fn = FUNCTIONS[t.text]!;
      expect('(', `"(" after ${t.text}`);
      deeper(t);
      const first = sum();
      if (fn === 'max') {
        expect(',', '"," between the two arguments of max');
        const second = sum();
        const close = expect(')', '")" after the arguments of max');
        depth--;
        return { ...binary('max', first, second), start: t.start, end: close.end };
      }
      const close = expect(')', `")" to close ${t.text}(`);
      depth--;
      return { kind: 'unary', op: fn, arg: first, start: t.start, end: close.end };
    }
    return atom();
  }

  function atom(): Expr {
    const t = next();
    if (t.kind === 'num') return { kind: 'num', value: t.value, start: t.start, end: t.end };
    if (t.kind === 'name') {
      if (t.text === 'x' || t.text === 'w' || t.text === 'b') {
        return { kind: 'var', name: t.text, start: t.start, end: t.end };
      }
      if (t.text === 'e') return { kind: 'num', value: Math.E, start: t.start, end: t.end };
      if (t.text === 'pi' || t.text === 'π') {
        return { kind: 'num', value: Math.PI, start: t.start, end: t.end };
      }
      throw new ExpressionError(
        `"${t.text}" is not a variable or a function. Use x, w, b, and ${Object.keys(FUNCTIONS)
          .filter((f) => f !== 'ln' && f !== 'σ')
          .join(', ')}.`,
        t.start,
      );
    }
    if (isOp(t, '(')) {
      deeper(t);
      const inner = sum();
      const close = expect(')', '")"');
      depth--;
      return { ...inner, start: t.start, end: close.end };
    }
    throw new ExpressionError(
      `Expected a number, a variable or "(", found ${describe(t)}.`,
      t.start,
    );
  }

  if (peek().kind === 'end') throw new ExpressionError('The expression is empty.', 0);
  const expr = sum();
  const rest = peek();
  if (rest.kind !== 'end') {
    throw new ExpressionError(`Unexpected ${describe(rest)}: is an operator missing?`, rest.start);
  }
  return expr;
}
