'use client';

import { useEffect, useState, type FormEvent } from 'react';
import {
  dateRangeProblem,
  PRESET_LABELS,
  RANGE_PRESETS,
  type DateRange,
  type RangePreset,
} from './analytics-range';
import { FieldError, fieldAria } from '@/components/field-error';

/**
 * A dashboard's period: one press for the usual ranges, or two dates (both days included). Dates
 * are days in `timeZone`, which the hint names so no one wonders whose midnight it is.
 */
export function DateRangePicker({
  idPrefix,
  value,
  onChange,
  timeZone,
  timeZoneNote,
}: {
  idPrefix: string;
  value: DateRange;
  onChange: (range: DateRange) => void;
  timeZone: string;
  /** Why this zone: "the event's time zone", "your time zone". */
  timeZoneNote: string;
}) {
  const [from, setFrom] = useState(value.kind === 'custom' ? value.from : '');
  const [to, setTo] = useState(value.kind === 'custom' ? value.to : '');
  const [problem, setProblem] = useState<string | null>(null);
  const valueFrom = value.kind === 'custom' ? value.from : '';
  const valueTo = value.kind === 'custom' ? value.to : '';

  // The URL can change under the form (back button, a preset): show what is in force.
  useEffect(() => {
    setFrom(valueFrom);
    setTo(valueTo);
    setProblem(null);
  }, [valueFrom, valueTo]);

  function choosePreset(preset: RangePreset) {
    onChange({ kind: 'preset', preset });
  }

  function applyDates(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const next: DateRange = from || to ? { kind: 'custom', from, to } : { kind: 'preset', preset: 'all' };
    const wrong = dateRangeProblem(next);
    setProblem(wrong);
    if (!wrong) onChange(next);
  }

  const hintId = `${idPrefix}-zone-hint`;
  const toId = `${idPrefix}-to`;
  return (
    <section className="date-range" aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`} className="visually-hidden">
        Period
      </h2>
      <div role="group" aria-label="Quick periods" className="range-presets">
        {RANGE_PRESETS.map((preset) => {
          const pressed = value.kind === 'preset' && value.preset === preset;
          return (
            <button
              key={preset}
              type="button"
              className={pressed ? 'compact' : 'compact secondary outline'}
              aria-pressed={pressed}
              onClick={() => choosePreset(preset)}
            >
              {PRESET_LABELS[preset]}
            </button>
          );
        })}
      </div>
      <form className="range-dates" onSubmit={applyDates} aria-label="Choose dates">
        <div>
          <label htmlFor={`${idPrefix}-from`}>From</label>
          <input
            id={`${idPrefix}-from`}
            type="date"
            value={from}
            max={to || undefined}
            onChange={(e) => setFrom(e.target.value)}
            aria-describedby={hintId}
          />
        </div>
        <div>
          <label htmlFor={toId}>To (included)</label>
          <input
            id={toId}
            type="date"
            value={to}
            min={from || undefined}
            onChange={(e) => setTo(e.target.value)}
            {...fieldAria(toId, problem ?? undefined, hintId)}
          />
        </div>
        <div>
          <button type="submit" className="compact">
            Show these dates
          </button>
        </div>
      </form>
      <FieldError id={`${toId}-error`} message={problem ?? undefined} />
      <small id={hintId} className="range-zone">
        Days run midnight to midnight in {timeZone} ({timeZoneNote}).
      </small>
    </section>
  );
}
