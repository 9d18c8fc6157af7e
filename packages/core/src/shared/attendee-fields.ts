/** The fields a buyer may give for each attendee; orders validate them, analytics count them. */
export const AGE_RANGES = ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeRange = (typeof AGE_RANGES)[number];

export interface Attendee {
  name: string;
  email: string;
  ageRange?: AgeRange | null;
  country?: string | null;
}
