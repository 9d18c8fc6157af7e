// Line charts as one SVG file, for bench series over time: panels stacked over a shared x axis,
// each with its own y scale (orders per second and MiB do not share one), a dashed target line
// where a figure has one, and vertical markers (the sale's end) across them all. No library:
// ECharts' server-side SVG would do it, but the bench needs a fraction of it.

export interface Series {
  name: string;
  /** [x, y]; a null y breaks the line (no data in that window). */
  points: [number, number | null][];
}

export interface Panel {
  title: string;
  series: Series[];
  /** A limit to stay under, drawn dashed in red. */
  target?: { value: number; label: string };
}

export interface Chart {
  title: string;
  subtitle?: string;
  xLabel: string;
  panels: Panel[];
  markers?: { x: number; label: string }[];
}

const WIDTH = 960;
const LEFT = 70;
const RIGHT = 20;
const TOP = 64;
const PANEL = 150;
const GAP = 46;
const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (n: number) => (Math.abs(n) >= 1000 ? n.toLocaleString('en-US') : String(+n.toPrecision(4)));

/** About `count` round steps (1, 2 or 5 × 10^k) from 0 to at least `max`. */
function ticks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => +(i * step).toPrecision(12));
}

/** The chart as an SVG document. */
export function lineChartSvg(chart: Chart): string {
  const xs = chart.panels.flatMap((p) => p.series.flatMap((s) => s.points.map(([x]) => x)));
  const xMin = Math.min(0, ...xs);
  const xTicks = ticks(Math.max(1, ...xs) - xMin, 10).map((t) => t + xMin);
  const xMax = xTicks.at(-1)!;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const x = (v: number) => LEFT + ((v - xMin) / (xMax - xMin)) * plotWidth;
  const height = TOP + chart.panels.length * (PANEL + GAP) + 10;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${LEFT}" y="22" font-size="16" font-weight="bold">${escape(chart.title)}</text>`,
  ];
  if (chart.subtitle) out.push(`<text x="${LEFT}" y="40" fill="#555">${escape(chart.subtitle)}</text>`);
  chart.panels.forEach((panel, i) => {
    const top = TOP + i * (PANEL + GAP);
    const values = panel.series.flatMap((s) => s.points.map(([, y]) => y ?? 0));
    const yTicks = ticks(Math.max(...values, panel.target ? panel.target.value * 1.1 : 0));
    const yMax = yTicks.at(-1)!;
    const y = (v: number) => top + PANEL - (v / yMax) * PANEL;
    out.push(`<text x="${LEFT}" y="${top - 8}" font-weight="bold">${escape(panel.title)}</text>`);
    let legendX = LEFT + 12 + panel.title.length * 6.5;
    panel.series.forEach((s, j) => {
      const color = COLORS[j % COLORS.length]!;
      out.push(
        `<rect x="${legendX}" y="${top - 16}" width="10" height="10" fill="${color}"/>`,
        `<text x="${legendX + 14}" y="${top - 7}">${escape(s.name)}</text>`,
      );
      legendX += 24 + s.name.length * 6;
    });
    for (const t of yTicks)
      out.push(
        `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(t)}" y2="${y(t)}" stroke="#e5e5e5"/>`,
        `<text x="${LEFT - 6}" y="${y(t) + 4}" text-anchor="end" fill="#555">${fmt(t)}</text>`,
      );
    for (const t of xTicks)
      out.push(
        `<line x1="${x(t)}" x2="${x(t)}" y1="${top}" y2="${top + PANEL}" stroke="#f0f0f0"/>`,
        `<text x="${x(t)}" y="${top + PANEL + 14}" text-anchor="middle" fill="#555">${fmt(t)}</text>`,
      );
    if (panel.target)
      out.push(
        `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(panel.target.value)}" y2="${y(panel.target.value)}" stroke="#d62728" stroke-dasharray="6 4"/>`,
        `<text x="${WIDTH - RIGHT - 4}" y="${y(panel.target.value) - 4}" text-anchor="end" fill="#d62728">${escape(panel.target.label)}</text>`,
      );
    for (const m of chart.markers ?? [])
      out.push(
        `<line x1="${x(m.x)}" x2="${x(m.x)}" y1="${top}" y2="${top + PANEL}" stroke="#999" stroke-dasharray="2 3"/>`,
        i === 0 ? `<text x="${x(m.x) + 4}" y="${top + 12}" fill="#777">${escape(m.label)}</text>` : '',
      );
    panel.series.forEach((s, j) => {
      // Each unbroken run of points is one polyline; a null starts the next.
      const runs: string[][] = [[]];
      for (const [px, py] of s.points) {
        if (py === null) runs.push([]);
        else runs.at(-1)!.push(`${x(px).toFixed(1)},${y(Math.min(py, yMax)).toFixed(1)}`);
      }
      for (const run of runs.filter((r) => r.length > 0))
        out.push(
          run.length === 1
            ? `<circle cx="${run[0]!.split(',')[0]}" cy="${run[0]!.split(',')[1]}" r="2" fill="${COLORS[j % COLORS.length]}"/>`
            : `<polyline fill="none" stroke="${COLORS[j % COLORS.length]}" stroke-width="1.5" points="${run.join(' ')}"/>`,
        );
    });
    out.push(
      `<rect x="${LEFT}" y="${top}" width="${plotWidth}" height="${PANEL}" fill="none" stroke="#bbb"/>`,
    );
  });
  out.push(
    `<text x="${LEFT + plotWidth / 2}" y="${height - 4}" text-anchor="middle" fill="#555">${escape(chart.xLabel)}</text>`,
    '</svg>',
  );
  return out.join('\n');
}
