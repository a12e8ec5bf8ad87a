/**
 * The burn-up chart in plain SVG: for the chosen stage, what is done day by
 * day (solid), the plan (dashed grey, from nothing at the start to the total
 * at the deadline), the forecast (dashed blue) with its range (shaded) and
 * today. A caption says the same in words for screen readers.
 */
import { useId, useState } from 'react';
import { BOX, burnupGeometry } from './burnup-geometry.js';
import { MEASURE_LABELS, viDate, viNumber, type BurnupSeries } from './plans.api.js';

const MEASURE_OF: Record<string, keyof typeof MEASURE_LABELS> = {
  inventory: 'books',
  scan: 'pages',
  key1: 'registrations',
  key2: 'registrations',
  arbitration: 'fields',
  acceptance: 'registrations',
  handover: 'books',
  loaded: 'books',
};

function Chart({ s, today }: { s: BurnupSeries; today: string }) {
  const clip = `burnup-clip${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const g = burnupGeometry(s, today);
  const unit = MEASURE_LABELS[MEASURE_OF[s.stage] ?? 'books'];
  const caption = `${s.label}: đã làm ${viNumber(g.lastDone)} / ${viNumber(s.total)} ${unit} đến ${viDate(today)}; thời hạn ${viDate(s.deadline)}; dự báo xong ${viDate(s.forecast)}.`;
  return (
    <figure className="burnup">
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={`Biểu đồ tiến độ cộng dồn — ${caption}`}>
        {g.yTicks.map((v) => (
          <g key={`y${v}`}>
            <line x1={BOX.left} x2={BOX.width - BOX.right} y1={g.y(v)} y2={g.y(v)} className="grid" />
            <text x={BOX.left - 6} y={g.y(v) + 4} textAnchor="end" className="tick">
              {viNumber(v)}
            </text>
          </g>
        ))}
        {g.xTicks.map((d) => (
          <text key={`x${d}`} x={g.x(d)} y={BOX.height - 12} textAnchor="middle" className="tick">
            {viDate(d).slice(0, 5)}
          </text>
        ))}
        <clipPath id={clip}>
          <rect x={BOX.left} y={0} width={BOX.width - BOX.left - BOX.right} height={BOX.height - BOX.bottom} />
        </clipPath>
        <g clipPath={`url(#${clip})`}>
          {g.range && <polygon points={g.range} className="range" />}
          {g.plan && <polyline points={g.plan} className="plan" />}
          <polyline points={g.done} className="done" />
          {g.forecast && <polyline points={g.forecast} className="forecast" />}
        </g>
        <line x1={g.x(today)} x2={g.x(today)} y1={BOX.top} y2={BOX.height - BOX.bottom} className="today" />
        <text x={g.x(today) + 3} y={BOX.top + 10} className="tick">
          Hôm nay
        </text>
        {s.deadline && (
          <text x={g.x(s.deadline) - 3} y={g.y(s.total) + 12} textAnchor="end" className="tick">
            Thời hạn
          </text>
        )}
      </svg>
      <figcaption>
        <span className="legend done">Đã làm</span> <span className="legend plan">Kế hoạch</span> <span className="legend forecast">Dự báo</span> — {caption}
      </figcaption>
    </figure>
  );
}

export function BurnupChart({ series, today }: { series: readonly BurnupSeries[]; today: string }) {
  const id = useId();
  const usable = series.filter((s) => s.total > 0 || s.points.length > 0);
  const initial = usable.find((s) => s.points.length > 0 && s.forecast) ?? usable.find((s) => s.points.length > 0) ?? usable[0];
  const [stage, setStage] = useState(initial?.stage);
  const chosen = usable.find((s) => s.stage === stage) ?? initial;
  return (
    <section aria-labelledby={`${id}-h`} className="burnup-panel">
      <h3 id={`${id}-h`}>Tiến độ cộng dồn</h3>
      {!chosen ? (
        <p className="hint">Chưa có số liệu để vẽ biểu đồ.</p>
      ) : (
        <>
          <label className="inline-label">
            Công đoạn{' '}
            <select value={chosen.stage} onChange={(e) => setStage(e.target.value as BurnupSeries['stage'])}>
              {usable.map((s) => (
                <option key={s.stage} value={s.stage}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <Chart s={chosen} today={today} />
        </>
      )}
    </section>
  );
}
