import { readFileSync } from "node:fs";
import { parse, YAMLParseError } from "yaml";
import { ScenarioError } from "./ScenarioError.ts";

/**
 * Reads a YAML or JSON file (JSON is YAML) into plain data. Missing files and syntax errors become
 * ScenarioErrors naming the file, line and column; duplicate keys are errors too.
 */
export function readDataFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String((error as Error).message);
    throw new ScenarioError([`cannot read ${what} ${path}: ${reason}`]);
  }
  return parseDataText(text, `${what} ${path}`);
}

/** Parses YAML/JSON text; `source` names it in errors. */
export function parseDataText(text: string, source: string): unknown {
  try {
    return parse(text, { uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const offset = error.pos[0];
      const before = text.slice(0, offset).split("\n");
      const where = ` at line ${before.length}, column ${before[before.length - 1].length + 1}`;
      throw new ScenarioError([`invalid ${source}: YAML syntax error${where}: ${error.message.split("\n")[0]}`]);
    }
    // yaml resolves aliases after parsing: an alias with no anchor before it (`*a` without `&a`), or
    // an alias bomb, throws a ReferenceError that carries no position.
    if (error instanceof ReferenceError) throw new ScenarioError([`invalid ${source}: YAML alias error: ${error.message.split("\n")[0]}`]);
    throw error;
  }
}
