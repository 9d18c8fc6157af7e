import { describe, expect, it } from 'vitest';
import { hasSessionHint } from '../lib/session-hint';

describe('hasSessionHint', () => {
  it.each([
    ['eventhub_signed_in=1', true],
    ['a=b; eventhub_signed_in=1; c=d', true],
    ['a=b;eventhub_signed_in=1', true],
    ['', false],
    ['a=b; c=d', false],
    // Another cookie whose name merely contains the hint's is not the hint.
    ['x_eventhub_signed_in=1', false],
    ['eventhub_signed_in_old=1', false],
  ])('%j → %s', (cookies, expected) => {
    expect(hasSessionHint(cookies)).toBe(expected);
  });
});
