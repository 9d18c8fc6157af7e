import { AGE_RANGES } from '../shared/attendee-fields';

/** Buckets smaller than this are folded into `other`, so no one attendee can be singled out. */
export const MIN_BUCKET_SIZE = 5;

export interface Bucket {
  key: string;
  count: number;
}

export interface Demographics {
  ageRange: Bucket[];
  country: Bucket[];
}

/** What an attendee who gave no age range or country is counted as. */
export const UNSPECIFIED = 'unspecified';
export const OTHER = 'other';

/**
 * Counts per key with every bucket under MIN_BUCKET_SIZE folded into `other` (listed last, and
 * only when something was folded). `order` sorts the kept buckets; the default is largest first.
 */
export function foldSmallBuckets(counts: Map<string, number>, order?: readonly string[]): Bucket[] {
  const kept: Bucket[] = [];
  let other = 0;
  for (const [key, count] of counts) {
    if (count <= 0) continue;
    if (count < MIN_BUCKET_SIZE) other += count;
    else kept.push({ key, count });
  }
  const rank = (key: string) => {
    const at = order?.indexOf(key) ?? -1;
    return at === -1 ? Number.MAX_SAFE_INTEGER : at;
  };
  kept.sort((a, b) =>
    order
      ? rank(a.key) - rank(b.key) || a.key.localeCompare(b.key)
      : b.count - a.count || a.key.localeCompare(b.key),
  );
  return other > 0 ? [...kept, { key: OTHER, count: other }] : kept;
}

/** Folds per-(age range, country) counts of attendees into the two published breakdowns. */
export function demographicsOf(
  rows: { age_range: string | null; country: string | null; count: number }[],
): Demographics {
  const ages = new Map<string, number>();
  const countries = new Map<string, number>();
  for (const row of rows) {
    const age = row.age_range ?? UNSPECIFIED;
    const country = row.country ?? UNSPECIFIED;
    ages.set(age, (ages.get(age) ?? 0) + row.count);
    countries.set(country, (countries.get(country) ?? 0) + row.count);
  }
  return {
    ageRange: foldSmallBuckets(ages, [...AGE_RANGES, UNSPECIFIED]),
    country: foldSmallBuckets(countries),
  };
}
