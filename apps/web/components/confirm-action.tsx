'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface ConfirmActionProps {
  /** The button's text, e.g. "Publish". */
  label: ReactNode;
  /** The question shown in place of the button, e.g. "Publish this event?". */
  question: ReactNode;
  /** The confirming button's text, e.g. "Yes, publish". */
  confirmLabel: string;
  dismissLabel?: string;
  onConfirm: () => void | Promise<void>;
  busy?: boolean;
  /** Not available right now (e.g. nothing selected); stays focusable, unlike `disabled`. */
  disabled?: boolean;
  className?: string;
  confirmClassName?: string;
}

/**
 * A button that asks "Are you sure?" inline before acting. Focus moves to the confirming button,
 * and back to the original button once answered (if it is still there after the action).
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  dismissLabel = 'Go back',
  onConfirm,
  busy = false,
  disabled = false,
  className = 'secondary compact',
  confirmClassName = 'contrast compact',
}: ConfirmActionProps) {
  const [confirming, setConfirming] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const questionId = useId();

  useEffect(() => {
    if (!confirming && returnFocus.current) {
      returnFocus.current = false;
      triggerRef.current?.focus();
    }
  }, [confirming]);

  function answer(confirmed: boolean) {
    returnFocus.current = true;
    setConfirming(false);
    if (confirmed) void onConfirm();
  }

  if (confirming) {
    return (
      <span className="row-actions confirm-group" role="group" aria-labelledby={questionId}>
        <span id={questionId}>{question}</span>
        <button type="button" className={confirmClassName} onClick={() => answer(true)} autoFocus>
          {confirmLabel}
        </button>
        <button type="button" className="secondary outline compact" onClick={() => answer(false)}>
          {dismissLabel}
        </button>
      </span>
    );
  }
  return (
    <button
      ref={triggerRef}
      type="button"
      className={className}
      // Not `disabled` while busy: focus comes back here after the confirm and must be able to land.
      onClick={() => {
        if (!busy && !disabled) setConfirming(true);
      }}
      aria-disabled={busy || disabled || undefined}
      aria-busy={busy || undefined}
    >
      {label}
    </button>
  );
}
