/** How long the camera must lose sight of a code before the same code counts as a new scan. */
export const REPEAT_WINDOW_MS = 3_000;

/** The code the camera keeps reading: a QR held up to it is decoded many times a second. */
export interface CodeInView {
  code: string;
  /** When this code came into view (ms): the read that was its scan. */
  since: number;
  lastReadAt: number;
  /** Reads of it since then, that one included. */
  reads: number;
}

/**
 * The code in view after a camera read of `code` at `now` (ms). Each read after the first would
 * show "ALREADY USED", so only a read that brings a code into view is a new scan (`reads === 1`).
 * Every read of the code renews the window, so a code left in view stays one scan; another code
 * passes at once.
 */
export function afterRead(
  inView: CodeInView | null,
  code: string,
  now: number,
  windowMs = REPEAT_WINDOW_MS,
): CodeInView {
  if (inView !== null && inView.code === code && now - inView.lastReadAt < windowMs) {
    return { ...inView, lastReadAt: now, reads: inView.reads + 1 };
  }
  return { code, since: now, lastReadAt: now, reads: 1 };
}
