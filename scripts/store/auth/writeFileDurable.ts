import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Replaces the file at `path` with `contents` whole or not at all, and on disk before it returns:
 * a temporary sibling (created with `mode`) is written and fsynced, renamed over the target, and
 * the folder is fsynced so the rename itself survives a crash. Small files only (accounts, sessions).
 */
export function writeFileDurable(path: string, contents: string, mode = 0o600): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const handle = openSync(temporary, "w", mode);
    try {
      writeSync(handle, contents);
      fsyncSync(handle);
    } finally {
      closeSync(handle);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  const folder = openSync(dirname(path), "r");
  try {
    fsyncSync(folder);
  } catch {
    // Some filesystems refuse fsync on a folder; the file itself is synced.
  } finally {
    closeSync(folder);
  }
}
