/** What a check mark or cross may be coloured by: the stream it goes to and the environment. */
export interface ColourTarget {
  isTTY?: boolean;
}

/**
 * ✓ or ✗, green or red only on a terminal and never when NO_COLOR is set to anything non-empty
 * (no-color.org); in a pipe or a file the escape codes would be noise.
 */
export function checkMark(ok: boolean, stream: ColourTarget = process.stdout, env: Record<string, string | undefined> = process.env): string {
  const mark = ok ? "✓" : "✗";
  const colour = stream.isTTY === true && (env.NO_COLOR ?? "") === "";
  return colour ? `\x1b[${ok ? 32 : 31}m${mark}\x1b[39m` : mark;
}
