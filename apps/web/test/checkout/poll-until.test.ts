import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pollUntil } from '../../features/checkout/poll-until';

describe('pollUntil', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('asks every interval until the answer is done, retrying failed calls', async () => {
    const answers: (() => Promise<string>)[] = [
      () => Promise.resolve('pending'),
      () => Promise.reject(new Error('offline')),
      () => Promise.resolve('paid'),
    ];
    const load = vi.fn(() => answers.shift()!());
    const result = pollUntil(load, (s) => s === 'paid', { intervalMs: 2000, maxAttempts: 30 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(4001);
    await expect(result).resolves.toBe('paid');
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('gives up after the last attempt', async () => {
    const load = vi.fn(() => Promise.resolve('pending'));
    const result = pollUntil(load, (s) => s === 'paid', { intervalMs: 2000, maxAttempts: 30 });
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(result).resolves.toBeNull();
    expect(load).toHaveBeenCalledTimes(30);
  });

  it('stops at once when aborted', async () => {
    const load = vi.fn(() => Promise.resolve('pending'));
    const controller = new AbortController();
    const result = pollUntil(load, () => false, {
      intervalMs: 2000,
      maxAttempts: 30,
      signal: controller.signal,
    });
    await vi.advanceTimersByTimeAsync(2000);
    controller.abort();
    await expect(result).resolves.toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
