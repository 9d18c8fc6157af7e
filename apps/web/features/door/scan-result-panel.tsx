import { answerLines, RESULT_ADVICE, RESULT_LABELS, type ScanOutcome } from './scan-outcome';
import { formatDoorTime } from '@/lib/event-format';

// Read at arm's length like the holder's name (inline: the scanner's stylesheet rules live in
// globals.css). Pico colours dt and dd itself; on the verdict's colour they take the panel's.
const ANSWERS_STYLE = { fontSize: '1.35rem', margin: '0.25rem 0 0.5rem', color: 'inherit' } as const;
const ANSWER_LABEL_STYLE = { display: 'inline', fontWeight: 600, color: 'inherit' } as const;
const ANSWER_VALUE_STYLE = {
  display: 'inline',
  margin: 0,
  fontWeight: 700,
  color: 'inherit',
  overflowWrap: 'anywhere',
} as const;

const SYMBOLS: Record<ScanOutcome['result'], string> = {
  valid: '✓',
  already_used: '✕',
  void: '✕',
  wrong_event: '✕',
  invalid_code: '✕',
  unchecked: '?',
};

/**
 * The last scan's verdict, big enough to read at arm's length: a word and a symbol as well as a
 * colour. Always on the page (a live region), so screen readers announce each new verdict.
 */
export function ScanResultPanel({ outcome, timezone }: { outcome: ScanOutcome | null; timezone?: string }) {
  const result = outcome?.result;
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={`scan-result scan-result-${result ?? 'idle'}`}
      data-testid="scan-result"
    >
      {outcome && result ? (
        <>
          <p className="scan-verdict">
            <span aria-hidden="true" className="scan-symbol">
              {SYMBOLS[result]}
            </span>{' '}
            {RESULT_LABELS[result]}
          </p>
          {outcome.holderName ? <p className="scan-holder">{outcome.holderName}</p> : null}
          {outcome.answers.length > 0 ? (
            // What the organizer asked the door to see (dietary needs, a wristband colour): big, under the name.
            <dl className="scan-answers" data-testid="scan-answers" style={ANSWERS_STYLE}>
              {answerLines(outcome).map((line, i) => (
                <div key={i} className="scan-answer">
                  <dt style={ANSWER_LABEL_STYLE}>{line.label}:</dt>{' '}
                  <dd style={ANSWER_VALUE_STYLE}>{line.text}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {outcome.ticketTypeName ? <p className="scan-tier">{outcome.ticketTypeName}</p> : null}
          {result === 'already_used' && outcome.checkedInAt ? (
            <p className="scan-detail">
              First checked in{outcome.offline ? ' on this device' : ''} at{' '}
              <time dateTime={outcome.checkedInAt}>{formatDoorTime(outcome.checkedInAt, timezone)}</time>
            </p>
          ) : null}
          <p className="scan-detail">{RESULT_ADVICE[result]}</p>
          {outcome.offline && result !== 'unchecked' ? (
            <p className="scan-offline">
              <strong>Offline</strong>: checked on this device
              {result === 'valid' ? '; it is uploaded when the connection is back.' : '.'}
            </p>
          ) : null}
          <p className="scan-time">
            Scanned at <time dateTime={outcome.scannedAt}>{formatDoorTime(outcome.scannedAt, timezone)}</time>
          </p>
        </>
      ) : (
        <p className="scan-verdict scan-idle">Ready to scan</p>
      )}
    </div>
  );
}
