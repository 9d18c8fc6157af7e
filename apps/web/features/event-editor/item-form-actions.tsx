/** An editor item form's buttons: submit, and "Cancel editing" when it edits in place. */
export function ItemFormActions({
  submitLabel,
  submitting,
  onCancel,
}: {
  submitLabel: string;
  submitting: boolean;
  onCancel?: () => void;
}) {
  return (
    <div className="row-actions">
      <button type="submit" aria-busy={submitting} disabled={submitting}>
        {submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="secondary outline" onClick={onCancel}>
          Cancel editing
        </button>
      ) : null}
    </div>
  );
}
