import { mkdirSync, type Stats, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import type writeFileAtomicLibrary from "write-file-atomic";
import { fileErrorReason } from "../../experiments/scenario/fileErrorReason.ts";
import { UsageError } from "./UsageError.ts";

// Loaded on the first write, not with the module: a run that writes no file (a simulate to stdout)
// then loads neither it nor its dependencies (signal-exit installs its handlers when loaded).
const requireFromHere = createRequire(import.meta.url);
let loadedLibrary: typeof writeFileAtomicLibrary | undefined;
function atomicWrites(): typeof writeFileAtomicLibrary {
  loadedLibrary ??= requireFromHere("write-file-atomic") as typeof writeFileAtomicLibrary;
  return loadedLibrary;
}

/**
 * Writes a whole file or nothing. write-file-atomic writes to a uniquely named temporary sibling,
 * fsyncs it and renames it over the target, so an interrupted or failed run never leaves a partial
 * result and two runs writing at once never share a temporary file. Missing parent folders are
 * created. A path the user got wrong (a folder, a path under a file, no permission, a full disk)
 * throws one UsageError line naming it.
 */
export function writeFileAtomic(path: string, contents: string | Uint8Array): void {
  checkOutputPaths(path);
  createParentFolders(path);
  try {
    atomicWrites().sync(path, typeof contents === "string" ? contents : Buffer.from(contents));
  } catch (error) {
    throw outputError(path, error);
  }
}

/**
 * Throws a UsageError unless each path given could be written: not an existing folder, and its nearest existing
 * ancestor a folder. Commands call it for every output before they run, so a long run never ends in a
 * write error with some of its files written and others not.
 */
export function checkOutputPaths(...paths: readonly (string | undefined)[]): void {
  for (const path of paths) if (path !== undefined) checkOutputPath(path);
}

function checkOutputPath(path: string): void {
  const target = statOrNull(path);
  if (target?.isDirectory()) throw new UsageError(`cannot write ${path}: is a directory`);
  const ancestor = nearestExisting(dirname(resolve(path)));
  if (ancestor !== null && !ancestor.stats.isDirectory()) throw new UsageError(`cannot write ${path}: ${ancestor.path} is a file, not a directory`);
}

/**
 * Creates the missing folders one level at a time. Not `mkdirSync(…, {recursive: true})`: on Node 20
 * it loops forever on a parent it may not create (`/proc/1/nope/out.json`).
 */
function createParentFolders(path: string): void {
  const missing: string[] = [];
  for (let folder = dirname(resolve(path)); statOrNull(folder) === null; folder = dirname(folder)) {
    missing.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw outputError(path, error, ` (creating ${folder})`);
    }
  }
}

function nearestExisting(folder: string): { path: string; stats: Stats } | null {
  for (let current = folder; ; current = dirname(current)) {
    const stats = statOrNull(current);
    if (stats !== null) return { path: current, stats };
    if (dirname(current) === current) return null;
  }
}

/** The path's stats, or null where nothing (or nothing this process may see) is there. */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/** A user's file-system mistake as one line; anything else is a bug and keeps its stack. */
export function outputError(path: string, error: unknown, context = ""): unknown {
  const reason = fileErrorReason(error);
  return reason === null ? error : new UsageError(`cannot write ${path}: ${reason}${context}`);
}
