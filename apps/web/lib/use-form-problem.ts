'use client';

import { useRef, useState } from 'react';
import { NO_PROBLEM, type FormProblem } from './form-problem';
import { useFocusFirstInvalid } from './use-focus-first-invalid';

/**
 * A submitted form's shared state: its ref, what the server rejected (focus goes to the first
 * rejected field) and whether a submit is in flight.
 */
export function useFormProblem() {
  const formRef = useRef<HTMLFormElement>(null);
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [submitting, setSubmitting] = useState(false);
  useFocusFirstInvalid(formRef, problem);
  return { formRef, problem, setProblem, submitting, setSubmitting };
}
