/** Reasons for the file-system errors a user can cause, as they appear at the end of a message line. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EISDIR: "is a directory",
  ENOTDIR: "a part of the path is a file, not a directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EEXIST: "already exists",
  ENAMETOOLONG: "name too long",
  ELOOP: "too many symbolic links",
  EMFILE: "too many open files",
  EFBIG: "file too large",
  EIO: "input/output error",
  EBUSY: "busy",
  EINVAL: "invalid path",
};

/**
 * A short reason for a file-system error the user caused (a path, a permission, a full disk), or null
 * for anything else, which is then a bug and keeps its stack.
 */
export function fileErrorReason(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code !== undefined && code in REASONS ? REASONS[code] : null;
}
