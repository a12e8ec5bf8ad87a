/**
 * The stages of a unit or package as horizontal bars: done/total in the
 * stage's measure, percent, and the status in Vietnamese (the bar's colour
 * repeats the status, never carries it alone). Bars are SVG rects (no inline
 * styles: the CSP forbids them).
 */
import { MEASURE_LABELS, STATUS_LABELS, viDate, viNumber, type StageProgress } from './plans.api.js';

function Bar({ percent }: { percent: number }) {
  return (
    <svg className="stage-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
      <rect x="0" y="0" width="100" height="8" className="track" />
      <rect x="0" y="0" width={Math.max(0, Math.min(100, percent))} height="8" className="fill" />
    </svg>
  );
}

export function StageBars({ stages, label }: { stages: readonly StageProgress[]; label: string }) {
  const shown = stages.filter((s) => s.total > 0 || s.deadline);
  if (shown.length === 0) return <p className="hint">Chưa có công đoạn nào có khối lượng hoặc thời hạn.</p>;
  return (
    <table className="stage-table" aria-label={label}>
      <thead>
        <tr>
          <th>Công đoạn</th>
          <th>Đã làm / Kế hoạch</th>
          <th className="bar-col">Tỷ lệ</th>
          <th>Thời hạn</th>
          <th>Dự báo xong</th>
          <th>Tình trạng</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((s) => (
          <tr key={s.stage} className={`status-${s.status}`}>
            <th scope="row">{s.label}</th>
            <td className="num">
              {viNumber(s.done)} / {viNumber(s.total)} {MEASURE_LABELS[s.measure]}
            </td>
            <td className="bar-col">
              <Bar percent={s.percent ?? 0} /> <span className="num">{s.percent === null ? '—' : `${s.percent.toLocaleString('vi-VN')} %`}</span>
            </td>
            <td>{viDate(s.deadline)}</td>
            <td>
              {s.forecast ? (
                <>
                  {viDate(s.forecast)}
                  {s.forecastEarliest && s.forecastLatest && s.forecastEarliest !== s.forecastLatest && (
                    <span className="hint">
                      {' '}
                      ({viDate(s.forecastEarliest)} – {viDate(s.forecastLatest)})
                    </span>
                  )}
                </>
              ) : (
                '—'
              )}
            </td>
            <td>
              <span className={`status-badge ${s.status}`}>{STATUS_LABELS[s.status]}</span>
              {s.delayDays > 0 && <span className="hint"> · chậm {s.delayDays} ngày</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
