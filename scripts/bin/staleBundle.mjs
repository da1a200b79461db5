// Plain JavaScript: the installed `convsim` runs this before anything is compiled.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

/** Folders whose TypeScript (and imported JSON) the CLI bundle is built from. */
export const SOURCE_FOLDERS = ["sim", "experiments", "reports", "scripts"];

/** Written beside the bundle by the build: `{ "sources": [...] }`, the project files it was built from (relative paths). */
export const BUNDLE_SOURCES_FILE = "sources.json";

/**
 * Whether the prebuilt CLI at `bundleFile` is missing or older than a source it is built from: then
 * it must be rebuilt before it runs, so an edit is never answered by yesterday's code. The build
 * lists its sources beside the bundle (BUNDLE_SOURCES_FILE: every project file esbuild read, plus
 * package.json, tsconfig.json and the build's own code), so only those are statted: no walk over
 * the source folders, about half the cost of one (≈ 20 ms of a start instead of ≈ 45). A file
 * that no listed file imports cannot change the bundle until a listed one is edited to import it,
 * and that edit makes the bundle stale. A listed file that is gone makes it stale too. Without the
 * list (a build from before it) every `.ts` or `.json` file under SOURCE_FOLDERS, tests excepted,
 * and package.json are compared instead. Reads no source.
 */
export function staleBundle(root, bundleFile) {
  let builtMs;
  try {
    builtMs = statSync(bundleFile).mtimeMs;
  } catch {
    return true;
  }
  const sources = listedSources(join(dirname(bundleFile), BUNDLE_SOURCES_FILE));
  if (sources === null) return newerSourceInFolders(root, builtMs);
  for (const source of sources) {
    const stats = statSync(join(root, source), { throwIfNoEntry: false });
    if (stats === undefined || stats.mtimeMs > builtMs) return true;
  }
  return false;
}

/** The list the build wrote beside the bundle, or null when there is none (or it is not a list of paths). */
function listedSources(file) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
  const sources = parsed?.sources;
  return Array.isArray(sources) && sources.length > 0 && sources.every((source) => typeof source === "string") ? sources : null;
}

/** Whether package.json or a `.ts`/`.json` file under SOURCE_FOLDERS (tests excepted) is newer than `builtMs`. */
function newerSourceInFolders(root, builtMs) {
  if (statSync(join(root, "package.json")).mtimeMs > builtMs) return true;
  for (const folder of SOURCE_FOLDERS) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|json)$/.test(entry.name) || entry.name.endsWith(".test.ts")) continue;
      const parent = entry.parentPath ?? entry.path;
      if (parent.includes("node_modules") || parent.includes(`${join(root, "reports", "out")}`)) continue;
      if (statSync(join(parent, entry.name)).mtimeMs > builtMs) return true;
    }
  }
  return false;
}
