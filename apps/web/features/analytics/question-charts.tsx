import type { EventAnalytics } from '@eventhub/client';
import { questionChartRows } from './analytics-charts';
import { formatCount, plural } from './analytics-format';
import { BreakdownChart } from './breakdown-chart';
import { CHART_COLORS } from './chart-figure';

type QuestionStats = EventAnalytics['questions'][number];

function QuestionFigure({ question }: { question: QuestionStats }) {
  const rows = questionChartRows(question);
  const [one, many] = question.scope === 'order' ? ['order', 'orders'] : ['attendee', 'attendees'];
  const answered = `${plural(question.answered, one, many)} answered`;
  // The most chosen answer(s); nothing to point out when every option drew as many.
  const most = rows ? Math.max(0, ...rows.map((r) => r.value)) : 0;
  const tops = rows ? rows.filter((r) => r.value === most) : [];
  const topText =
    most === 0 || !rows || tops.length === rows.length
      ? ''
      : `; the most: ${tops.map((r) => r.label).join(', ')} (${formatCount(most)}${tops.length > 1 ? ' each' : ''})`;
  return (
    <div data-testid="question-figure">
      <h3 className="chart-title">
        {question.label}
        {question.hidden ? <small> (deleted, answers kept)</small> : null}
      </h3>
      {rows === null || question.answered === 0 ? (
        <p className="tier-facts" data-testid="question-answered">
          {answered}.
        </p>
      ) : (
        <BreakdownChart
          testId="question-chart"
          rows={rows}
          valueName={question.scope === 'order' ? 'Orders' : 'Attendees'}
          categoryName="Answer"
          format={formatCount}
          color={CHART_COLORS.secondary}
          caption={
            <>
              {answered}
              {question.kind === 'multi' ? ', each could pick several' : ''}
              {topText}.
            </>
          }
        />
      )}
    </div>
  );
}

/**
 * How buyers answered the event's questions in the period: a bar per option for the kinds with
 * options (choices, checkbox, country), the number of answers for the free-form ones.
 */
export function QuestionCharts({ questions }: { questions: readonly QuestionStats[] }) {
  return (
    <section aria-labelledby="questions-heading">
      <h2 id="questions-heading">Questions</h2>
      {questions.length === 0 ? (
        <p>This event asks buyers no questions.</p>
      ) : (
        <div className="dashboard-pair">
          {questions.map((q) => (
            <QuestionFigure key={q.questionId} question={q} />
          ))}
        </div>
      )}
    </section>
  );
}
