import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: a reference is read aloud on the phone and typed from paper.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 8;

/**
 * A short, human reference for an order (`K7QX-4R9M`): 31^8 ≈ 8.5 × 10^11 values, random (so it
 * leaks no sales volume), unique by the database's index (a collision is retried).
 */
export function newOrderReference(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A reference as typed by a person: case, spaces and a missing dash forgiven. */
export function normalizeOrderReference(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return null;
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
