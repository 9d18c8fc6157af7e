'use client';

import { useEffect, type RefObject } from 'react';
import type { FormProblem } from './form-problem';

/** After a failed submit, puts keyboard focus on the first field the server rejected. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, problem: FormProblem): void {
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, problem]);
}
