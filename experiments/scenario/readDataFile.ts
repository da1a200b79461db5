import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { type Document, isScalar, type Node, parseDocument, visit, YAMLParseError } from "yaml";
import { fileErrorReason } from "./fileErrorReason.ts";
import { ScenarioError } from "./ScenarioError.ts";

/**
 * Largest data file read (bytes). Scenarios, policies and comparison files are a few kilobytes (the
 * baseline is 6 KB); the YAML parser needs about 10 ms per kilobyte of flat keys, so this bounds a
 * hostile file to a few seconds and a few hundred megabytes instead of minutes and gigabytes.
 */
export const MAX_DATA_FILE_BYTES = 128 * 1024;

/** Most mapping keys in one data file (the baseline has about 400). */
export const MAX_DATA_KEYS = 10_000;

/**
 * Most alias expansions in one file: yaml's own guard against "billion laughs" alias bombs. The
 * library's default (100) is kept, named here so the limit is documented in one place.
 */
export const MAX_ALIAS_EXPANSIONS = 100;

/**
 * Reads a YAML or JSON file (JSON is YAML) into plain data. Missing files, files over
 * MAX_DATA_FILE_BYTES and syntax errors become ScenarioErrors naming the file, line and column;
 * duplicate keys are errors too.
 */
export function readDataFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readSmallFile(path, what);
  } catch (error) {
    const reason = fileErrorReason(error);
    if (error instanceof ScenarioError || reason === null) throw error;
    throw new ScenarioError([`cannot read ${what} ${path}: ${reason}`]);
  }
  return parseDataText(text, `${what} ${path}`);
}

/** The file's text, refusing anything over MAX_DATA_FILE_BYTES before reading it. */
function readSmallFile(path: string, what: string): string {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    if (size > MAX_DATA_FILE_BYTES) throw new ScenarioError([`invalid ${what} ${path}: ${size} bytes (must be at most ${MAX_DATA_FILE_BYTES} bytes)`]);
    // Read one byte past the limit so a file that grows while being read (or a FIFO) is still bounded.
    const buffer = Buffer.alloc(MAX_DATA_FILE_BYTES + 1);
    let length = 0;
    for (let read = 1; read > 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_DATA_FILE_BYTES)
      throw new ScenarioError([`invalid ${what} ${path}: more than ${MAX_DATA_FILE_BYTES} bytes (must be at most ${MAX_DATA_FILE_BYTES} bytes)`]);
    return buffer.toString("utf8", 0, length);
  } finally {
    closeSync(fd);
  }
}

/** Parses YAML/JSON text; `source` names it in errors. */
export function parseDataText(text: string, source: string): unknown {
  const where = (offset: number): string => {
    const before = text.slice(0, offset).split("\n");
    return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
  };
  const syntaxError = (offset: number, message: string): ScenarioError =>
    new ScenarioError([`invalid ${source}: YAML syntax error at ${where(offset)}: ${message.split("\n")[0]}`]);
  if (text.length > MAX_DATA_FILE_BYTES) throw new ScenarioError([`invalid ${source}: ${text.length} characters (must be at most ${MAX_DATA_FILE_BYTES})`]);
  // uniqueKeys is checked below in one pass: the library's own check compares every pair of keys,
  // which takes minutes on a map of 100,000 keys.
  const document = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const first = document.errors[0];
  if (first !== undefined) throw syntaxError(first.pos[0], first.message);
  const problem = checkTree(document);
  if (problem !== null) throw syntaxError(problem.offset, problem.message);
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (error) {
    // yaml resolves aliases here: an alias with no anchor before it (`*a` without `&a`), or an alias
    // bomb, throws a ReferenceError that carries no position.
    if (error instanceof ReferenceError || error instanceof YAMLParseError)
      throw new ScenarioError([`invalid ${source}: YAML alias error: ${error.message.split("\n")[0]}`]);
    throw error;
  }
}

/**
 * One walk over the syntax tree: duplicate keys, keys that are not plain values, too many keys, and
 * aliases that point into their own anchor (a cycle plain data cannot hold).
 */
function checkTree(document: Document): { offset: number; message: string } | null {
  let keys = 0;
  let problem: { offset: number; message: string } | null = null;
  const found = (node: { range?: readonly number[] | null } | null, message: string): typeof visit.BREAK => {
    problem = { offset: node?.range?.[0] ?? 0, message };
    return visit.BREAK;
  };
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        keys++;
        if (keys > MAX_DATA_KEYS) return found(pair.key as Node, `more than ${MAX_DATA_KEYS} keys`);
        if (!isScalar(pair.key)) return found(pair.key as Node, "map keys must be plain values");
        if (seen.has(pair.key.value)) return found(pair.key, "Map keys must be unique");
        seen.add(pair.key.value);
      }
      return undefined;
    },
    Alias(_, alias, path) {
      const target = alias.resolve(document);
      if (target !== undefined && path.includes(target as never)) return found(alias, `alias *${alias.source} refers to a value that contains it`);
      return undefined;
    },
  });
  return problem;
}
