import Form from 'next/form';
import type { ReactNode, RefObject } from 'react';

/** A list's filter form, submitted as a GET to `action` so the filters land in the URL. */
export function FilterForm({
  action,
  formRef,
  submitLabel,
  children,
}: {
  action: string;
  formRef: RefObject<HTMLFormElement | null>;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <search>
      <Form action={action} className="filters" ref={formRef}>
        {children}
        <div>
          <button type="submit">{submitLabel}</button>
        </div>
      </Form>
    </search>
  );
}
