import { isCountryCode } from '../events/places-and-times';
import { AGE_RANGES, type Attendee } from '../shared/attendee-fields';
import { ValidationError, type FieldError } from '../shared/errors';

/** Attendees are optional; when given there is exactly one per seat, in item order. */
export function validateAttendees(attendees: Attendee[] | undefined, seats: number): Attendee[] {
  if (!attendees || attendees.length === 0) return [];
  const errors: FieldError[] = [];
  if (attendees.length !== seats)
    errors.push({ field: 'attendees', message: `must list one attendee per ticket (${seats})` });
  attendees.forEach((a, i) => {
    if (!a.name.trim()) errors.push({ field: `attendees.${i}.name`, message: 'must not be blank' });
    if (a.ageRange && !(AGE_RANGES as readonly string[]).includes(a.ageRange)) {
      errors.push({ field: `attendees.${i}.ageRange`, message: `must be one of ${AGE_RANGES.join(', ')}` });
    }
    if (a.country && !isCountryCode(a.country))
      errors.push({ field: `attendees.${i}.country`, message: 'must be ISO 3166-1 alpha-2' });
  });
  if (errors.length) throw new ValidationError(errors);
  return attendees.map((a) => ({
    name: a.name.trim(),
    email: a.email.trim(),
    ageRange: a.ageRange ?? null,
    country: a.country ?? null,
  }));
}
