/**
 * Checks that worked arithmetic on a page adds up at the precision it is shown, as a student
 * checking it by hand would: in a chain such as `0.40 · 0.593270 + 0.45 · 0.596884 + 0.60 = 1.1059`,
 * the expression before an equals sign, evaluated from the numbers as printed, must agree with
 * the number after it to within one unit in that number's last decimal.
 *
 * The input is a formula as a flat list of tokens (numbers, operators, and anything else as
 * `other`), which the browser tests read from KaTeX's MathML. Only segments made of numbers,
 * + − × · and brackets are evaluated; a segment with a symbol, a fraction or a power in it is
 * left alone, so the check never guesses.
 */

export type Token =
  | { readonly kind: 'num'; readonly text: string }
  | { readonly kind: 'op'; readonly text: string }
  | { readonly kind: 'other' };

/** One checked step: `expression = shown`, with what the expression gives from its printed numbers. */
export interface ArithmeticStep {
  readonly expression: string;
  readonly shown: string;
  readonly value: number;
  /** One unit in the last decimal of `shown`. */
  readonly allowed: number;
  readonly ok: boolean;
}

const MINUS = /[\u2212\u2013-]/g;
const TIMES = new Set(['×', '⋅', '·', '*']);
const PLUS_MINUS = new Set(['+', '−', '-']);
const ARITHMETIC = new Set([...TIMES, ...PLUS_MINUS, '(', ')']);

/** A printed number's value and decimals: "0.593270" → 0.59327 with 6; "−3" → −3 with 0. */
export function readPrinted(text: string): { value: number; decimals: number } | undefined {
  const plain = text.trim().replace(MINUS, '-');
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return undefined;
  return { value: Number(plain), decimals: (plain.split('.')[1] ?? '').length };
}

/** Evaluates numbers with + − × · and brackets, × before + −; undefined if malformed. */
function evaluate(tokens: readonly Token[]): number | undefined {
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const isOp = (t: Token | undefined, set: Set<string>): t is { kind: 'op'; text: string } =>
    t?.kind === 'op' && set.has(t.text);
  const factor = (): number | undefined => {
    const t = peek();
    if (isOp(t, PLUS_MINUS) && t.text !== '+') {
      i++;
      const inner = factor();
      return inner === undefined ? undefined : -inner;
    }
    if (t?.kind === 'op' && t.text === '(') {
      i++;
      const inner = sum();
      const close = peek();
      if (close?.kind !== 'op' || close.text !== ')') return undefined;
      i++;
      return inner;
    }
    if (t?.kind !== 'num') return undefined;
    i++;
    return readPrinted(t.text)?.value;
  };
  const product = (): number | undefined => {
    let value = factor();
    while (value !== undefined && isOp(peek(), TIMES)) {
      i++;
      const next = factor();
      value = next === undefined ? undefined : value * next;
    }
    return value;
  };
  const sum = (): number | undefined => {
    let value = product();
    while (value !== undefined && isOp(peek(), PLUS_MINUS)) {
      const minus = (peek() as { text: string }).text !== '+';
      i++;
      const next = product();
      value = next === undefined ? undefined : minus ? value - next : value + next;
    }
    return value;
  };
  const value = sum();
  return i === tokens.length ? value : undefined;
}

const text = (tokens: readonly Token[]): string =>
  tokens.map((t) => (t.kind === 'other' ? '…' : t.text)).join(' ');

/**
 * Every `expression = number` step of a formula, checked. A segment is what lies between two
 * equals signs (or a comma, which ends an equation in a list); it is checked when it holds at
 * least one operator and only arithmetic, and the next segment is a single printed number.
 */
export function checkArithmetic(tokens: readonly Token[]): ArithmeticStep[] {
  const segments: Token[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'op' && t.text === '=') segments.push([]);
    else if (t.kind === 'op' && (t.text === ',' || t.text === ';')) segments.push([], []);
    else segments[segments.length - 1]!.push(t);
  }
  const steps: ArithmeticStep[] = [];
  for (let s = 0; s + 1 < segments.length; s++) {
    const [left, right] = [segments[s]!, segments[s + 1]!];
    const arithmetic = left.every(
      (t) => t.kind === 'num' || (t.kind === 'op' && ARITHMETIC.has(t.text)),
    );
    const operators = left.some(
      (t) => t.kind === 'op' && (TIMES.has(t.text) || PLUS_MINUS.has(t.text)) && t !== left[0],
    );
    const shown =
      right.length === 1 && right[0]!.kind === 'num' ? readPrinted(right[0]!.text) : undefined;
    if (!arithmetic || !operators || !shown) continue;
    const value = evaluate(left);
    if (value === undefined) continue;
    const allowed = 10 ** -shown.decimals;
    steps.push({
      expression: text(left),
      shown: text(right),
      value,
      allowed,
      ok: Math.abs(value - shown.value) <= allowed * (1 + 1e-9),
    });
  }
  return steps;
}
