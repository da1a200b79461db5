// Parser for the compact condition form:
//
//   condition  := or
//   or         := and (("or" | "||") and)*
//   and        := unary (("and" | "&&") unary)*
//   unary      := ("not" | "!") unary | "(" condition ")" | comparison
//   comparison := signal [operator value]        -- a bare boolean signal means `signal == true`
//   operator   := "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "notIn" | "not in"
//   value      := number | "quoted" | 'quoted' | bare-word | true | false | "[" value ("," value)* "]"
//
// So `not` binds tighter than `and`, which binds tighter than `or`. Keywords are lowercase.
// A chain `a and b and c` becomes one `{all: [a, b, c]}`; parentheses keep their own node.

import { ConditionParseError } from "./ConditionParseError.ts";
import { comparisonProblem, isSignalName, SIGNAL_KINDS, SIGNAL_NAMES } from "./signalKinds.ts";
import { type Token, tokenizeCondition } from "./tokenizeCondition.ts";
import type { Comparison, Condition, SignalComparison } from "./types.ts";

/** Words that cannot be bare string values or signal names. */
export const CONDITION_KEYWORDS: readonly string[] = Object.freeze(["and", "or", "not", "in", "notIn", "true", "false"]);

const OPERATOR_SYMBOLS: readonly string[] = ["==", "!=", "<", "<=", ">", ">="];

/**
 * Deepest nesting of `not` and parentheses a condition may have. Hand-written rules nest a few
 * levels; the limit exists so that a hostile or generated text (thousands of "(") is refused with a
 * message instead of overflowing the parser's stack.
 */
export const MAX_CONDITION_DEPTH = 64;

interface Cursor {
  tokens: Token[];
  index: number;
  /** `not`s and open parentheses around the current position. */
  depth: number;
}

/**
 * Parses the compact text form into a condition AST, checking signal names and value types.
 * Throws ConditionParseError naming the position and what was expected.
 *
 * parseCondition("exitIntent and cartValue >= 150")
 * // → {all: [{signal: "exitIntent", op: "==", value: true}, {signal: "cartValue", op: ">=", value: 150}]}
 */
export function parseCondition(text: string): Condition {
  const cursor: Cursor = { tokens: tokenizeCondition(text), index: 0, depth: 0 };
  if (peek(cursor).kind === "end") fail(cursor, "a condition");
  const condition = parseOr(cursor);
  if (peek(cursor).kind !== "end") fail(cursor, "and, or, or end of input");
  return condition;
}

function parseOr(cursor: Cursor): Condition {
  const items = [parseAnd(cursor)];
  while (accept(cursor, "or", "||")) items.push(parseAnd(cursor));
  return items.length === 1 ? items[0] : { any: items };
}

function parseAnd(cursor: Cursor): Condition {
  const items = [parseUnary(cursor)];
  while (accept(cursor, "and", "&&")) items.push(parseUnary(cursor));
  return items.length === 1 ? items[0] : { all: items };
}

function parseUnary(cursor: Cursor): Condition {
  const position = peek(cursor).position;
  if (accept(cursor, "not", "!")) return nested(cursor, position, () => ({ not: parseUnary(cursor) }));
  if (accept(cursor, "(")) {
    return nested(cursor, position, () => {
      const inner = parseOr(cursor);
      if (!accept(cursor, ")")) fail(cursor, ")");
      return inner;
    });
  }
  const token = peek(cursor);
  if (token.kind !== "word" || CONDITION_KEYWORDS.includes(token.text)) fail(cursor, "a signal name, not or (");
  if (!isSignalName(token.text)) {
    throw new ConditionParseError(`unknown signal ${token.text}; allowed: ${SIGNAL_NAMES.join(", ")}`, token.position);
  }
  cursor.index += 1;
  return parseComparison(cursor, token);
}

function parseComparison(cursor: Cursor, signalToken: Token): SignalComparison {
  const signal = signalToken.text as keyof typeof SIGNAL_KINDS;
  const op = parseOperator(cursor);
  if (op === null) {
    if (SIGNAL_KINDS[signal] === "boolean") return { signal, op: "==", value: true };
    fail(cursor, `a comparison operator after ${signal}`);
  }
  const value = op === "in" || op === "notIn" ? parseList(cursor) : parseScalar(cursor);
  const problem = comparisonProblem(signal, op, value);
  if (problem) throw new ConditionParseError(problem.reason, signalToken.position);
  return { signal, op, value };
}

function parseOperator(cursor: Cursor): Comparison | null {
  const token = peek(cursor);
  if (token.kind === "symbol" && OPERATOR_SYMBOLS.includes(token.text)) {
    cursor.index += 1;
    return token.text as Comparison;
  }
  if (accept(cursor, "in")) return "in";
  if (accept(cursor, "notIn")) return "notIn";
  const after = cursor.tokens[cursor.index + 1];
  if (token.kind === "word" && token.text === "not" && after?.kind === "word" && after.text === "in") {
    cursor.index += 2;
    return "notIn";
  }
  return null;
}

function parseList(cursor: Cursor): Array<string | number> {
  if (!accept(cursor, "[")) fail(cursor, "[ to start a list");
  const items: Array<string | number> = [];
  if (accept(cursor, "]")) return items;
  do {
    const token = peek(cursor);
    const item = parseScalar(cursor);
    if (typeof item === "boolean") throw new ConditionParseError(`lists hold numbers or text, not ${item}`, token.position);
    items.push(item);
  } while (accept(cursor, ","));
  if (!accept(cursor, "]")) fail(cursor, ", or ] in the list");
  return items;
}

function parseScalar(cursor: Cursor): number | string | boolean {
  const token = peek(cursor);
  if (token.kind === "number") {
    cursor.index += 1;
    return token.number as number;
  }
  if (token.kind === "string") {
    cursor.index += 1;
    return token.text;
  }
  if (token.kind === "word" && (token.text === "true" || token.text === "false")) {
    cursor.index += 1;
    return token.text === "true";
  }
  if (token.kind === "word" && !CONDITION_KEYWORDS.includes(token.text)) {
    cursor.index += 1;
    return token.text;
  }
  return fail(cursor, "a value (number, text, true or false)");
}

/** Parses one more level of nesting, refusing more than MAX_CONDITION_DEPTH. */
function nested(cursor: Cursor, position: number, parse: () => Condition): Condition {
  cursor.depth += 1;
  if (cursor.depth > MAX_CONDITION_DEPTH) {
    throw new ConditionParseError(`nested deeper than ${MAX_CONDITION_DEPTH} levels of not and parentheses at position ${position}`, position);
  }
  const condition = parse();
  cursor.depth -= 1;
  return condition;
}

function peek(cursor: Cursor): Token {
  return cursor.tokens[cursor.index];
}

/** Consumes the next token if it is a word or symbol spelled like one of `texts`. */
function accept(cursor: Cursor, ...texts: string[]): boolean {
  const token = peek(cursor);
  if ((token.kind === "word" || token.kind === "symbol") && texts.includes(token.text)) {
    cursor.index += 1;
    return true;
  }
  return false;
}

function fail(cursor: Cursor, expected: string): never {
  const token = peek(cursor);
  const found = token.kind === "end" ? "end of input" : token.kind === "string" ? JSON.stringify(token.text) : token.text;
  throw new ConditionParseError(`expected ${expected} at position ${token.position}, found ${found}`, token.position);
}
