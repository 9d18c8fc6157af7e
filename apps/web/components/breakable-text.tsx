import { Fragment } from 'react';

/**
 * An e-mail address or a long reference that may wrap after its `@`, dots and dashes (<wbr>)
 * instead of anywhere, so a narrow column breaks it where a reader expects.
 */
export function BreakableText({ text }: { text: string }) {
  const parts = text.split(/(?<=[@.\-_])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
