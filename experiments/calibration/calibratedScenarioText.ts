import { dirname, isAbsolute, relative, resolve } from "node:path";
import { isScalar, parseDocument } from "yaml";

export interface CalibratedTextOptions {
  /** File the original text came from (relative paths in it are relative to its folder). */
  originalPath: string;
  /** File the calibrated text will be written to: relative paths are rewritten relative to it. */
  outputPath: string;
  /** Comment lines added at the top (YAML only), after a `yaml-language-server` modeline if there is one. */
  comment?: string;
}

type Assignment = { path: readonly (string | number)[]; value: number };

/**
 * The original scenario file's text with the fitted values set and everything else untouched.
 *
 * YAML: the text is parsed with the `yaml` package's Document API, and each fitted value that the file
 * spells out is replaced in place at its scalar's source range, so comments, layout, line breaks
 * inside flow lists and quoting stay byte for byte. Values the file leaves to defaults (say, no
 * `stickerShock:` at all) are then added with `Document.setIn`, which keeps the comments but
 * re-renders the document. JSON is re-serialised with two-space indentation (it has no comments).
 * A policy given as a relative file path, and a `$schema=` path in a first-line modeline, are
 * rewritten to point at the same files from the output's folder.
 */
export function calibratedScenarioText(text: string, assignments: readonly Assignment[], options: CalibratedTextOptions): string {
  const rebase = (path: string): string => {
    if (isAbsolute(path) || /^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
    return relative(dirname(resolve(options.outputPath)), resolve(dirname(resolve(options.originalPath)), path)).replace(/\\/g, "/") || ".";
  };
  if (/\.json$/i.test(options.originalPath)) {
    const data = JSON.parse(text) as Record<string, any>;
    for (const { path, value } of assignments) setIn(data, path, value);
    if (typeof data.chat?.policy === "string") data.chat.policy = rebase(data.chat.policy);
    return `${JSON.stringify(data, null, 2)}\n`;
  }

  const document = parseDocument(text);
  const edits: { start: number; end: number; text: string }[] = [];
  const missing: Assignment[] = [];
  for (const assignment of assignments) {
    const node = document.getIn([...assignment.path], true);
    if (isScalar(node) && node.range) edits.push({ start: node.range[0], end: node.range[1], text: String(assignment.value) });
    else missing.push(assignment);
  }
  const policy = document.getIn(["chat", "policy"], true);
  if (isScalar(policy) && typeof policy.value === "string" && policy.range) {
    const moved = rebase(policy.value);
    if (moved !== policy.value) edits.push({ start: policy.range[0], end: policy.range[1], text: /^[\w./-]+$/.test(moved) ? moved : JSON.stringify(moved) });
  }
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  if (missing.length > 0) {
    const completed = parseDocument(result);
    for (const { path, value } of missing) completed.setIn([...path], value);
    result = completed.toString({ lineWidth: 0, flowCollectionPadding: false });
  }

  const lines = result.split("\n");
  const modeline = /^#\s*yaml-language-server:/.test(lines[0] ?? "");
  if (modeline) lines[0] = lines[0].replace(/(\$schema=)(\S+)/, (_, prefix: string, path: string) => `${prefix}${rebase(path)}`);
  if (options.comment !== undefined) lines.splice(modeline ? 1 : 0, 0, ...options.comment.split("\n").map((line) => `# ${line}`));
  return lines.join("\n");
}

function setIn(data: Record<string, any>, path: readonly (string | number)[], value: number): void {
  let node: any = data;
  for (const key of path.slice(0, -1)) node = node[key] ??= {};
  node[path[path.length - 1]] = value;
}
