import type { Question } from '@eventhub/client';
import { describe, expect, it } from 'vitest';
import {
  editorOrder,
  moveQuestion,
  questionFacts,
  questionField,
  readNewQuestion,
  readQuestionChanges,
} from '../../features/event-editor/question-form';
import { formatAnswer, formatAnswerOption } from '../../lib/answer-format';

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values))
    for (const one of Array.isArray(value) ? value : [value]) data.append(key, one);
  return data;
}

function question(overrides: Partial<Question> = {}): Question {
  return {
    id: 'q1',
    eventId: 'e1',
    label: 'T-shirt size',
    kind: 'choice',
    scope: 'attendee',
    required: true,
    options: ['S', 'M', 'L'],
    ticketTypeIds: null,
    helpText: null,
    showAtCheckin: false,
    position: 0,
    hidden: false,
    ...overrides,
  };
}

describe('question form', () => {
  it('reads a new question: options one per line, blank lines dropped, empty extras left out', () => {
    expect(
      readNewQuestion(
        form({
          label: '  T-shirt size ',
          kind: 'choice',
          scope: 'attendee',
          required: 'on',
          options: 'S\n\n M \r\nL\n',
          helpText: '',
        }),
      ),
    ).toEqual({
      label: 'T-shirt size',
      kind: 'choice',
      scope: 'attendee',
      required: true,
      showAtCheckin: false,
      options: ['S', 'M', 'L'],
    });
  });

  it('sends options only for choice kinds, and tiers only when some are ticked', () => {
    expect(
      readNewQuestion(
        form({
          label: 'Company',
          kind: 'text',
          scope: 'order',
          options: 'left over from a choice',
          ticketTypeIds: ['t1', 't2'],
          showAtCheckin: 'on',
          helpText: 'As on the invoice',
        }),
      ),
    ).toEqual({
      label: 'Company',
      kind: 'text',
      scope: 'order',
      required: false,
      showAtCheckin: true,
      ticketTypeIds: ['t1', 't2'],
      helpText: 'As on the invoice',
    });
  });

  it('patches only what changed; no tier ticked is every tier (null)', () => {
    const q = question({ ticketTypeIds: ['t2', 't1'], helpText: 'Unisex cut' });
    const same = {
      label: 'T-shirt size',
      kind: 'choice',
      scope: 'attendee',
      required: 'on',
      options: 'S\nM\nL',
      ticketTypeIds: ['t1', 't2'],
      helpText: 'Unisex cut',
    };
    expect(readQuestionChanges(form(same), q)).toEqual({});
    const { ticketTypeIds: _tiers, required: _required, ...cleared } = same;
    expect(
      readQuestionChanges(form({ ...cleared, options: 'S\nM\nL\nXL', helpText: '', showAtCheckin: 'on' }), q),
    ).toEqual({
      required: false,
      options: ['S', 'M', 'L', 'XL'],
      ticketTypeIds: null,
      helpText: null,
      showAtCheckin: true,
    });
    // A kind without options sends none: the API drops the old ones with the kind change.
    expect(readQuestionChanges(form({ ...same, kind: 'text' }), q)).toEqual({ kind: 'text' });
  });

  it('moves a live question by renumbering the live ones, leaving hidden ones be', () => {
    const list = [
      question({ id: 'a', position: 0 }),
      question({ id: 'gone', position: 1, hidden: true }),
      question({ id: 'b', position: 2 }),
      question({ id: 'c', position: 3 }),
    ];
    // a, c, b: b keeps its 2.
    expect(moveQuestion(list, 'c', -1)).toEqual([{ id: 'c', position: 1 }]);
    expect(moveQuestion(list, 'a', 1)).toEqual([
      { id: 'b', position: 0 },
      { id: 'a', position: 1 },
      { id: 'c', position: 2 },
    ]);
    expect(moveQuestion(list, 'a', -1)).toEqual([]);
    expect(moveQuestion(list, 'c', 1)).toEqual([]);
    expect(editorOrder(list).map((q) => q.id)).toEqual(['a', 'b', 'c', 'gone']);
  });

  it('places the API field errors on the form fields', () => {
    expect(questionField('/options/2')).toBe('options');
    expect(questionField('body.label')).toBe('label');
    expect(questionField('position')).toBeNull();
  });

  it('sums a question up in one line', () => {
    const names: Record<string, string> = { t1: 'VIP' };
    expect(
      questionFacts(question({ ticketTypeIds: ['t1', 'tx'], showAtCheckin: true }), (id) => names[id]),
    ).toBe('Single choice · each attendee · required · VIP, a removed ticket type only · shown at check-in');
  });
});

describe('answer format', () => {
  it('reads answers as people would say them', () => {
    expect(formatAnswer(true, 'checkbox')).toBe('Yes');
    expect(formatAnswer(false)).toBe('No');
    expect(formatAnswer(['Vegan', 'No nuts'], 'multi')).toBe('Vegan, No nuts');
    expect(formatAnswer('DE', 'country')).toBe('Germany');
    expect(formatAnswer('DE', 'text')).toBe('DE');
    expect(formatAnswer('2025-06-14', 'date')).toBe('Jun 14, 2025');
    expect(formatAnswer(1234.5, 'number')).toBe('1,234.5');
    expect(formatAnswer([], 'multi')).toBe('—');
  });

  it('names the counted options of the analytics', () => {
    expect(formatAnswerOption('yes', 'checkbox')).toBe('Yes');
    expect(formatAnswerOption('no', 'checkbox')).toBe('No');
    expect(formatAnswerOption('FR', 'country')).toBe('France');
    expect(formatAnswerOption('L', 'choice')).toBe('L');
  });
});
