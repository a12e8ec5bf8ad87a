/**
 * The units one level below the one shown (districts of a province, communes
 * of a district), one row each: a link to drill down, the number of
 * packages, a small bar per stage (percent) and the overall status.
 */
import { STATUS_LABELS, type Rollup } from './plans.api.js';

export function UnitGrid({ units, stages, onOpen }: { units: readonly Rollup[]; stages: readonly Rollup['stages'][number]['stage'][]; onOpen: (id: string) => void }) {
  const labels = new Map(units[0]?.stages.map((s) => [s.stage, s.label]));
  return (
    <table className="unit-grid" aria-label="Tiến độ theo đơn vị">
      <thead>
        <tr>
          <th>Đơn vị</th>
          <th className="num">Gói</th>
          {stages.map((s) => (
            <th key={s}>{labels.get(s)}</th>
          ))}
          <th>Tình trạng</th>
        </tr>
      </thead>
      <tbody>
        {units.map((u) => (
          <tr key={u.id} className={`status-${u.status}`}>
            <th scope="row">
              <a
                href={`#/plans?unit=${encodeURIComponent(u.id)}`}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(u.id);
                }}
              >
                {u.name}
              </a>
            </th>
            <td className="num">{u.packages}</td>
            {stages.map((st) => {
              const s = u.stages.find((x) => x.stage === st)!;
              const pct = s.percent ?? 0;
              return (
                <td key={st} className={`mini status-${s.status}`} title={`${s.label}: ${s.done}/${s.total} — ${STATUS_LABELS[s.status]}`}>
                  <svg className="mini-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                    <rect width="100" height="6" className="track" />
                    <rect width={Math.min(100, pct)} height="6" className="fill" />
                  </svg>
                  <span className="num">{s.percent === null ? '—' : `${s.percent.toLocaleString('vi-VN')} %`}</span>
                </td>
              );
            })}
            <td>
              <span className={`status-badge ${u.status}`}>{STATUS_LABELS[u.status]}</span>
              {u.delayDays > 0 && <span className="hint"> · {u.delayDays} ngày</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
