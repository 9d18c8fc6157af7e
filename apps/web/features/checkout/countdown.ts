/** How a reservation's hold counts down on screen and for screen readers. */

/** 14 min 5 s → "14:05"; an hour or more → "1:02:03"; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/**
 * What a polite live region says: it changes only when the whole minutes left change, so a screen
 * reader hears it at most once a minute. "14 minutes left", "1 minute left", then "Less than a
 * minute left" for the last one; "" once the time is up (the expiry message takes over).
 */
export function countdownAnnouncement(ms: number): string {
  if (ms <= 0) return '';
  const minutes = Math.floor(ms / 60_000);
  if (minutes === 0) return 'Less than a minute left to complete your purchase.';
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left to complete your purchase.`;
}

/** The delay until the displayed second changes, so a ticking clock stays in step with it. */
export function msToNextTick(ms: number): number {
  const rest = ms % 1000;
  return rest > 0 ? rest : 1000;
}
