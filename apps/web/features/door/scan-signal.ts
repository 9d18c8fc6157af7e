/**
 * A beep and a buzz after each scan, so door staff need not look at the screen for every
 * ticket: one short high tone when admitted, two low ones when refused. Best effort: without
 * Web Audio or vibration (or before the page may play sound) the scanner is just quiet.
 */

let audio: AudioContext | null = null;

function context(): AudioContext | null {
  if (typeof window === 'undefined' || typeof window.AudioContext !== 'function') return null;
  try {
    audio ??= new window.AudioContext();
    return audio;
  } catch {
    return null;
  }
}

/**
 * Browsers start sound only after a tap; call this from one (e.g. the camera button) so that
 * later beeps, triggered by the camera, can play.
 */
export function unlockScanSound(): void {
  void context()
    ?.resume()
    .catch(() => undefined);
}

function tone(ctx: AudioContext, frequency: number, startAt: number, seconds: number): void {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = 'square';
  oscillator.frequency.value = frequency;
  // A quick fade in and out avoids clicks.
  gain.gain.setValueAtTime(0.0001, startAt);
  gain.gain.exponentialRampToValueAtTime(0.2, startAt + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, startAt + seconds);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(startAt);
  oscillator.stop(startAt + seconds + 0.02);
}

export function signalScan(admitted: boolean): void {
  const ctx = context();
  if (ctx) {
    try {
      if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
      const now = ctx.currentTime;
      if (admitted) {
        tone(ctx, 1320, now, 0.15);
      } else {
        tone(ctx, 220, now, 0.18);
        tone(ctx, 220, now + 0.25, 0.18);
      }
    } catch (error) {
      console.warn('Scan beep failed', error);
    }
  }
  if (typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function') {
    navigator.vibrate(admitted ? 120 : [200, 100, 200]);
  }
}
