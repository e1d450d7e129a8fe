/** One bar of a chart: its label, its count, and an optional colour (a CSS colour or custom property). */
export interface Bar {
  key: string;
  label: string;
  value: number;
  color?: string;
}

const rowHeight = 22;
const labelWidth = 170;
const valueWidth = 56;
const width = 520;

/**
 * Horizontal bars drawn in SVG: crisp on paper at any zoom, no script needed to print them, and the figures are
 * written next to each bar so the chart reads without colours. The table of values is what screen readers get.
 */
export function Bars({ title, bars, format }: { title: string; bars: Bar[]; format: (value: number) => string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const barSpace = width - labelWidth - valueWidth;
  const height = bars.length * rowHeight;
  return (
    <figure className="report-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title} preserveAspectRatio="xMinYMin meet">
        {bars.map((bar, index) => {
          const y = index * rowHeight;
          const length = (bar.value / max) * barSpace;
          return (
            <g key={bar.key} transform={`translate(0 ${y})`}>
              <text x={labelWidth - 8} y={rowHeight / 2} dominantBaseline="middle" textAnchor="end" className="report-chart-label">
                {bar.label.length > 26 ? `${bar.label.slice(0, 25)}…` : bar.label}
              </text>
              <rect x={labelWidth} y={4} width={Math.max(bar.value > 0 ? 2 : 0, length)} height={rowHeight - 8} rx={2} fill={bar.color ?? 'var(--accent)'} />
              <text x={labelWidth + length + 6} y={rowHeight / 2} dominantBaseline="middle" className="report-chart-value">
                {format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="sr-only">
        <table>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key}>
                <th scope="row">{bar.label}</th>
                <td>{format(bar.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
