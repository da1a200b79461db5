// Splits the compact condition text into tokens, each with its 0-based position.

import { ConditionParseError } from "./ConditionParseError.ts";

export type TokenKind = "word" | "number" | "string" | "symbol" | "end";

export interface Token {
  kind: TokenKind;
  /** The token as written; for strings, the decoded content. */
  text: string;
  position: number;
  /** Set for numbers. */
  number?: number;
}

// Words may contain '-' after the first character so step names such as "order-review" need no quotes.
const WORD = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const SPACE = /\s+/y;
// Longest symbols first, so "<=" is not read as "<" then "=".
const SYMBOLS = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", "[", "]", ","];

/** Tokenizes `text`; the last token is always `{kind: "end"}`. */
export function tokenizeCondition(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  const match = (pattern: RegExp): string | null => {
    pattern.lastIndex = position;
    return pattern.exec(text)?.[0] ?? null;
  };
  while (position < text.length) {
    const space = match(SPACE);
    if (space) {
      position += space.length;
      continue;
    }
    const char = text[position];
    const number = /[-.\d]/.test(char) ? match(NUMBER) : null;
    if (number) {
      tokens.push({ kind: "number", text: number, position, number: Number(number) });
      position += number.length;
      continue;
    }
    const word = match(WORD);
    if (word) {
      tokens.push({ kind: "word", text: word, position });
      position += word.length;
      continue;
    }
    if (char === '"' || char === "'") {
      const [content, length] = readString(text, position);
      tokens.push({ kind: "string", text: content, position });
      position += length;
      continue;
    }
    const symbol = SYMBOLS.find((candidate) => text.startsWith(candidate, position));
    if (!symbol) {
      const hint = char === "=" ? " (did you mean ==?)" : "";
      throw new ConditionParseError(`unexpected character ${char} at position ${position}${hint}`, position);
    }
    tokens.push({ kind: "symbol", text: symbol, position });
    position += symbol.length;
  }
  tokens.push({ kind: "end", text: "", position: text.length });
  return tokens;
}

// Double-quoted strings follow JSON escapes (so JSON.stringify output reads back); single-quoted
// strings only know \' and \\.
function readString(text: string, start: number): [content: string, length: number] {
  const quote = text[start];
  let content = "";
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text[index];
    if (char === quote) {
      if (quote === "'") return [content, index + 1 - start];
      try {
        return [JSON.parse(text.slice(start, index + 1)) as string, index + 1 - start];
      } catch {
        throw new ConditionParseError(`invalid string at position ${start} (double-quoted strings use JSON escapes)`, start);
      }
    }
    if (char === "\\") {
      index += 1;
      content += text[index] ?? "";
    } else {
      content += char;
    }
  }
  throw new ConditionParseError(`expected closing ${quote} for the string at position ${start}, found end of input`, start);
}
