// Plain JavaScript: the installed `convsim` runs this before anything is compiled.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Folders whose TypeScript (and imported JSON) the CLI bundle is built from. */
export const SOURCE_FOLDERS = ["sim", "experiments", "reports", "scripts"];

/**
 * Whether the prebuilt CLI at `bundleFile` is missing or older than any source it is built from
 * (a `.ts` or `.json` file under SOURCE_FOLDERS, tests excepted, or package.json): then it must be
 * rebuilt before it runs, so an edit is never answered by yesterday's code. Stats ≈ 500 files, a
 * few milliseconds; reads none.
 */
export function staleBundle(root, bundleFile) {
  let builtMs;
  try {
    builtMs = statSync(bundleFile).mtimeMs;
  } catch {
    return true;
  }
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
