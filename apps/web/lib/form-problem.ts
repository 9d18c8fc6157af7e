import { ApiError, type ApiErrorCode } from '@eventhub/client';

/** What a form shows for a failed request: messages next to fields, and one for the whole form. */
export interface FormProblem {
  fields: Partial<Record<string, string>>;
  message: string | null;
}

export const NO_PROBLEM: FormProblem = { fields: {}, message: null };

/**
 * Friendlier wording for error codes, keyed by the API's catalogue of codes (`ErrorCode` from
 * the OpenAPI document), so a code the API cannot send does not compile.
 */
export type CodeMessages = Partial<Record<ApiErrorCode, string | ((error: ApiError) => string)>>;

/**
 * Validators report fields as "email", "/email", "body.email" or "venue.city"; the form knows
 * "email", and "venue.city" where a bare "city" or "name" would be ambiguous. The longest
 * trailing part of the path that the form shows wins; else the last segment.
 */
function fieldName(path: string, formFields: readonly string[]): string {
  const segments = path.split(/[/.]/).filter(Boolean);
  for (let start = 0; start < segments.length; start += 1) {
    const candidate = segments.slice(start).join('.');
    if (formFields.includes(candidate)) return candidate;
  }
  return segments.pop() ?? path;
}

/**
 * Turns an error thrown by the API client into form messages. Field errors for fields the
 * form shows go next to them; anything else becomes the form-level message. `locate` maps the
 * API's field path to the form's own name when the two differ in more than a prefix (a list
 * form whose rows are keyed by id, not by position); null means the form does not show it.
 */
export function toFormProblem(
  error: unknown,
  formFields: readonly string[],
  messages: CodeMessages = {},
  locate: (field: string) => string | null = (field) => fieldName(field, formFields),
): FormProblem {
  if (!(error instanceof ApiError)) {
    console.error(error);
    return { fields: {}, message: 'Could not reach EventHub. Check your connection and try again.' };
  }
  const fields: Partial<Record<string, string>> = {};
  const unplaced: string[] = [];
  for (const { field, message } of error.problem.errors ?? []) {
    const name = locate(field);
    if (name !== null && formFields.includes(name) && !fields[name]) fields[name] = message;
    else unplaced.push(message);
  }
  const custom = messages[error.code];
  let message: string | null;
  if (custom) message = typeof custom === 'function' ? custom(error) : custom;
  else if (unplaced.length > 0) message = unplaced.join(' ');
  else if (Object.keys(fields).length > 0) message = 'Please correct the highlighted fields.';
  else message = error.problem.detail ?? error.problem.title ?? 'Something went wrong.';
  return { fields, message };
}
