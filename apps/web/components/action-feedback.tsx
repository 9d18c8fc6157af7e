/** A row action's outcome: its error as an alert, its notice in an always-present status. */
export function ActionFeedback({ error, notice }: { error: string | null; notice: string | null }) {
  return (
    <>
      {error ? (
        <small role="alert" className="field-error">
          {error}
        </small>
      ) : null}
      <small role="status">{notice}</small>
    </>
  );
}
