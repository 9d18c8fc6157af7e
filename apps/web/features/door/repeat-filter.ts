/** How long the camera must lose sight of a code before the same code counts as a new scan. */
export const REPEAT_WINDOW_MS = 3_000;

/**
 * Drops repeated camera reads of one code: a QR held up to the camera is decoded many times a
 * second, and each read after the first would show "ALREADY USED". Every read of the code
 * renews the window, so a code left in view stays one scan; another code passes at once.
 * Returns whether a read at `now` (ms) is a new scan.
 */
export function createRepeatFilter(windowMs = REPEAT_WINDOW_MS): (code: string, now: number) => boolean {
  let last: { code: string; at: number } | null = null;
  return (code, now) => {
    const repeat = last !== null && last.code === code && now - last.at < windowMs;
    last = { code, at: now };
    return !repeat;
  };
}
