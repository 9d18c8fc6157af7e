'use client';

import type { Event, Question, QuestionKind } from '@eventhub/client';
import { useState, type FormEvent } from 'react';
import {
  QUESTION_FIELDS,
  QUESTION_KINDS,
  editorOrder,
  hasOptions,
  moveQuestion,
  questionFacts,
  questionField,
  readNewQuestion,
  readQuestionChanges,
} from './question-form';
import { ItemFormActions } from './item-form-actions';
import { useEditableItem } from './use-editable-item';
import { ActionFeedback } from '@/components/action-feedback';
import { ConfirmAction } from '@/components/confirm-action';
import { FieldError, fieldAria } from '@/components/field-error';
import { FormAlert } from '@/components/form-alert';
import { QUESTION_KIND_LABELS } from '@/lib/answer-format';
import { useAuth } from '@/lib/auth-context';
import { errorMessage } from '@/lib/error-message';
import { NO_PROBLEM, toFormProblem, type CodeMessages } from '@/lib/form-problem';
import { useFormProblem } from '@/lib/use-form-problem';
import { useApiData } from '@/lib/use-api-data';

const MESSAGES: CodeMessages = {
  question_answered:
    'Buyers have answered this question, so its kind and whom it asks can no longer change. Add a new question instead.',
};

// A deleted question that has answers stays in the list, greyed: its answers are still in orders.
const HIDDEN_STYLE = { color: 'var(--pico-muted-color)' } as const;

type Field = (typeof QUESTION_FIELDS)[number];

interface FormProps {
  /** Unique per form on the page, for the inputs' ids. */
  idPrefix: string;
  event: Event;
  question?: Question;
  submitLabel: string;
  /** Saves the question from the submitted form; throws the API's error for the form to show. */
  onSave: (form: FormData) => Promise<void>;
  onCancel?: () => void;
  /** Empty the form after a successful save (the "add" form). */
  resetOnSave?: boolean;
  /** The id of the heading that names the form. */
  labelledBy?: string;
}

/** Adds a question, or edits one in place. */
function QuestionForm({
  idPrefix,
  event,
  question,
  submitLabel,
  onSave,
  onCancel,
  resetOnSave,
  labelledBy,
}: FormProps) {
  const { formRef, problem, setProblem, submitting, setSubmitting } = useFormProblem();
  const [kind, setKind] = useState<QuestionKind>(question?.kind ?? 'text');

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formElement = e.currentTarget;
    setSubmitting(true);
    try {
      await onSave(new FormData(formElement));
      setProblem(NO_PROBLEM);
      if (resetOnSave) {
        formElement.reset();
        setKind('text');
        // Ready for the next one.
        formElement.querySelector<HTMLInputElement>('input[name="label"]')?.focus();
      }
    } catch (error) {
      setProblem(toFormProblem(error, QUESTION_FIELDS, MESSAGES, questionField));
    } finally {
      setSubmitting(false);
    }
  }

  const { fields } = problem;
  const id = (name: string) => `${idPrefix}-${name}`;
  const input = (name: Field, hint?: string) => ({
    id: id(name),
    name,
    ...fieldAria(id(name), fields[name], hint),
  });

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className="tier-form question-form"
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : question ? `Edit “${question.label}”` : undefined}
    >
      <FormAlert message={problem.message} />
      <label htmlFor={id('label')}>Question</label>
      <input
        {...input('label')}
        required
        maxLength={200}
        autoComplete="off"
        defaultValue={question?.label ?? ''}
        // Editing replaces the item with this form; focus must land inside it, not on <body>.
        autoFocus={Boolean(question)}
      />
      <FieldError id={`${id('label')}-error`} message={fields.label} />

      <div className="grid">
        <div>
          <label htmlFor={id('kind')}>Kind</label>
          <select {...input('kind')} value={kind} onChange={(e) => setKind(e.target.value as QuestionKind)}>
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {QUESTION_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <FieldError id={`${id('kind')}-error`} message={fields.kind} />
        </div>
        <div>
          <label htmlFor={id('scope')}>Asked</label>
          <select {...input('scope')} defaultValue={question?.scope ?? 'order'}>
            <option value="order">Once per order</option>
            <option value="attendee">For each attendee</option>
          </select>
          <FieldError id={`${id('scope')}-error`} message={fields.scope} />
        </div>
      </div>

      {hasOptions(kind) ? (
        <>
          <label htmlFor={id('options')}>Options (one per line)</label>
          <textarea
            {...input('options', `${id('options')}-hint`)}
            rows={4}
            required
            defaultValue={question?.options?.join('\n') ?? ''}
          />
          <FieldError id={`${id('options')}-error`} message={fields.options} />
          <small id={`${id('options')}-hint`}>
            {kind === 'multi' ? 'Buyers may tick several.' : 'Buyers pick one.'} Up to 50 options.
          </small>
        </>
      ) : null}

      <label htmlFor={id('helpText')}>Help text (optional)</label>
      <input
        {...input('helpText', `${id('helpText')}-hint`)}
        maxLength={500}
        autoComplete="off"
        defaultValue={question?.helpText ?? ''}
      />
      <FieldError id={`${id('helpText')}-error`} message={fields.helpText} />
      <small id={`${id('helpText')}-hint`}>Shown under the question at checkout.</small>

      {event.ticketTypes.length > 0 ? (
        <fieldset {...fieldAria(id('ticketTypeIds'), fields.ticketTypeIds, `${id('ticketTypeIds')}-hint`)}>
          <legend>Limit to ticket types</legend>
          {event.ticketTypes.map((tier) => (
            <label key={tier.id}>
              <input
                type="checkbox"
                name="ticketTypeIds"
                value={tier.id}
                defaultChecked={question?.ticketTypeIds?.includes(tier.id) ?? false}
              />
              {tier.name}
            </label>
          ))}
          <small id={`${id('ticketTypeIds')}-hint`}>None ticked: asked for every ticket type.</small>
          <FieldError id={`${id('ticketTypeIds')}-error`} message={fields.ticketTypeIds} />
        </fieldset>
      ) : null}

      <label htmlFor={id('required')}>
        <input {...input('required')} type="checkbox" defaultChecked={question?.required ?? false} />
        Required
      </label>
      <FieldError id={`${id('required')}-error`} message={fields.required} />
      <label htmlFor={id('showAtCheckin')}>
        <input
          {...input('showAtCheckin', `${id('showAtCheckin')}-hint`)}
          type="checkbox"
          defaultChecked={question?.showAtCheckin ?? false}
        />
        Show at check-in
      </label>
      <FieldError id={`${id('showAtCheckin')}-error`} message={fields.showAtCheckin} />
      <small id={`${id('showAtCheckin')}-hint`}>
        The door scanner shows the answer when the ticket is scanned.
      </small>

      <ItemFormActions submitLabel={submitLabel} submitting={submitting} onCancel={onCancel} />
    </form>
  );
}

interface ItemProps {
  event: Event;
  question: Question;
  /** Its place among the live questions, and how many there are (for the move buttons). */
  index: number;
  count: number;
  /** Another question's move or delete is in flight: moves wait. */
  moving: boolean;
  onSaved: (question: Question) => void;
  onMove: (question: Question, step: -1 | 1) => void;
  onRemoved: () => void;
}

function QuestionItem({ event, question, index, count, moving, onSaved, onMove, onRemoved }: ItemProps) {
  const { authed } = useAuth();
  const item = useEditableItem();
  const { editing, startEditing, stopEditing, editRef, busy, error, notice } = item;
  const readOnly = event.status === 'cancelled' || question.hidden;
  const tierName = (id: string) => event.ticketTypes.find((t) => t.id === id)?.name;

  async function save(form: FormData) {
    const body = readQuestionChanges(form, question);
    await item.save(
      body,
      () => authed((client) => client.events.questions.update(event.id, question.id, body)),
      (updated) => {
        onSaved(updated);
        return `"${updated.label}" saved.`;
      },
    );
  }

  async function remove() {
    await item.remove(async () => {
      await authed((client) => client.events.questions.remove(event.id, question.id));
      onRemoved();
    });
  }

  return (
    <li className="tier-card" data-testid="question-item" style={question.hidden ? HIDDEN_STYLE : undefined}>
      {editing ? (
        <QuestionForm
          idPrefix={`question-${question.id}`}
          event={event}
          question={question}
          submitLabel="Save question"
          onSave={save}
          onCancel={stopEditing}
        />
      ) : (
        <>
          <div className="tier-head">
            <strong>{question.label}</strong>
            {question.hidden ? <span className="badge badge-disabled">Deleted (answers kept)</span> : null}
          </div>
          <p className="tier-facts">{questionFacts(question, tierName)}</p>
          {question.options ? (
            <p className="tier-description">Options: {question.options.join(' · ')}</p>
          ) : null}
          {question.helpText ? <p className="tier-description">Help text: {question.helpText}</p> : null}
          {readOnly ? null : (
            <div className="row-actions">
              <button
                type="button"
                className="secondary outline compact"
                aria-disabled={moving || index === 0 || undefined}
                onClick={() => {
                  if (!moving && index > 0) onMove(question, -1);
                }}
              >
                <span aria-hidden="true">↑ </span>Up
                <span className="visually-hidden"> “{question.label}”</span>
              </button>
              <button
                type="button"
                className="secondary outline compact"
                aria-disabled={moving || index === count - 1 || undefined}
                onClick={() => {
                  if (!moving && index < count - 1) onMove(question, 1);
                }}
              >
                <span aria-hidden="true">↓ </span>Down
                <span className="visually-hidden"> “{question.label}”</span>
              </button>
              <button ref={editRef} type="button" className="secondary compact" onClick={startEditing}>
                Edit<span className="visually-hidden"> “{question.label}”</span>
              </button>
              <ConfirmAction
                label={
                  <>
                    Delete<span className="visually-hidden"> “{question.label}”</span>
                  </>
                }
                question={`Delete “${question.label}”? If buyers answered it, it is only hidden and their answers are kept.`}
                confirmLabel="Yes, delete"
                onConfirm={remove}
                busy={busy}
                className="contrast outline compact"
              />
            </div>
          )}
        </>
      )}
      <ActionFeedback error={error} notice={notice} />
    </li>
  );
}

/**
 * The questions buyers answer at checkout (per order or per attendee): each editable in place,
 * movable up and down, deletable (hidden when answered), and a form to add another.
 */
export function QuestionsEditor({ event }: { event: Event }) {
  const { authed } = useAuth();
  const loaded = useApiData((client) => client.events.questions.list(event.id), `questions:${event.id}`);
  const { setData, reload } = loaded;
  const [added, setAdded] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const [moveError, setMoveError] = useState<string | null>(null);
  const readOnly = event.status === 'cancelled';

  const questions = editorOrder(loaded.data ?? []);
  const live = questions.filter((q) => !q.hidden);

  function replace(updated: Question) {
    setData((current) => (current ?? []).map((q) => (q.id === updated.id ? updated : q)));
  }

  async function add(form: FormData) {
    const body = readNewQuestion(form);
    setAdded(null);
    const question = await authed((client) => client.events.questions.add(event.id, body));
    setData((current) => [...(current ?? []), question]);
    setAdded(`"${question.label}" added.`);
  }

  async function move(question: Question, step: -1 | 1) {
    const changes = moveQuestion(questions, question.id, step);
    if (changes.length === 0) return;
    setMoving(true);
    setMoveError(null);
    try {
      for (const change of changes) {
        const updated = await authed((client) =>
          client.events.questions.update(event.id, change.id, { position: change.position }),
        );
        replace(updated);
      }
    } catch (reason) {
      setMoveError(errorMessage(reason));
      // Some moves may have landed: show the order the server has now.
      reload();
    } finally {
      setMoving(false);
    }
  }

  return (
    <section aria-labelledby="questions-heading">
      <h2 id="questions-heading">Questions for buyers</h2>
      <p className="tier-facts">
        Asked at checkout, once per order or for each attendee. Answers appear in the orders, the attendees
        CSV and, if you choose, at the door.
      </p>
      <FormAlert message={loaded.error ?? moveError} />
      {loaded.data === null ? (
        loaded.error ? null : (
          <p aria-busy="true">Loading questions…</p>
        )
      ) : questions.length === 0 ? (
        <p>No questions yet: buyers give only their name and e-mail.</p>
      ) : (
        <ol className="tier-cards" aria-label="Questions" aria-busy={moving || undefined}>
          {questions.map((question) => (
            <QuestionItem
              key={question.id}
              event={event}
              question={question}
              index={live.indexOf(question)}
              count={live.length}
              moving={moving}
              onSaved={replace}
              onMove={(q, step) => void move(q, step)}
              onRemoved={reload}
            />
          ))}
        </ol>
      )}

      {readOnly ? null : (
        <div className="add-panel">
          <h3 id="add-question-heading">Add a question</h3>
          <QuestionForm
            idPrefix="question-new"
            event={event}
            submitLabel="Add question"
            onSave={add}
            resetOnSave
            labelledBy="add-question-heading"
          />
          <div role="status">{added ? <p className="form-status">{added}</p> : null}</div>
        </div>
      )}
    </section>
  );
}
