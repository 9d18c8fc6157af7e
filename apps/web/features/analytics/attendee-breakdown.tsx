import { demographicLabel, formatCount, plural } from './analytics-format';
import { BreakdownChart } from './breakdown-chart';
import { CHART_COLORS } from './chart-figure';

type Dimension = 'ageRange' | 'country';

// What each answer attendees may give is called, and the test id its chart keeps for the e2e suite.
const DIMENSIONS: Record<Dimension, { name: string; testId: string }> = {
  ageRange: { name: 'Age range', testId: 'age-chart' },
  country: { name: 'Country', testId: 'country-chart' },
};

/**
 * One event's attendees counted by one answer they gave at checkout (age range or country), as a
 * titled bar chart. Every dimension counts the same attendees, so the caller passes their total once.
 */
export function AttendeeBreakdown({
  dimension,
  buckets,
  attendees,
}: {
  dimension: Dimension;
  /** The counts per answer, already grouped so that no small group stands out. */
  buckets: readonly { key: string; count: number }[];
  attendees: number;
}) {
  const { name, testId } = DIMENSIONS[dimension];
  const what = name.toLowerCase();
  return (
    <div>
      <h3 className="chart-title">By {what}</h3>
      <BreakdownChart
        testId={testId}
        rows={buckets.map((b) => ({ key: b.key, label: demographicLabel(dimension, b.key), value: b.count }))}
        valueName="Attendees"
        categoryName={name}
        format={formatCount}
        color={CHART_COLORS.accent}
        caption={`${plural(attendees, 'attendee', 'attendees')} by the ${what} they gave.`}
      />
    </div>
  );
}
