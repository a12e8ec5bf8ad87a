/**
 * "Chậm và có nguy cơ chậm": every stage of a package in view that is late or
 * at risk, most delayed first, with the responsible organization and person.
 */
import { STATUS_LABELS, viDate, viNumber, type PackageProgress } from './plans.api.js';

export function LateList({ packages }: { packages: readonly PackageProgress[] }) {
  const rows = packages
    .flatMap((p) => p.stages.filter((s) => s.status === 'late' || s.status === 'at_risk').map((s) => ({ p, s })))
    .sort((a, b) => b.s.delayDays - a.s.delayDays || (a.s.status === 'late' ? -1 : 1) - (b.s.status === 'late' ? -1 : 1) || a.p.unitName.localeCompare(b.p.unitName, 'vi'));
  return (
    <section aria-labelledby="late-heading">
      <h3 id="late-heading">Chậm và có nguy cơ chậm</h3>
      {rows.length === 0 ? (
        <p className="hint">Không có công đoạn nào chậm hoặc có nguy cơ chậm.</p>
      ) : (
        <table aria-label="Công đoạn chậm và có nguy cơ chậm">
          <thead>
            <tr>
              <th>Đơn vị</th>
              <th>Công đoạn</th>
              <th>Tình trạng</th>
              <th className="num">Số ngày chậm</th>
              <th>Thời hạn</th>
              <th>Dự báo xong</th>
              <th>Đã làm / Kế hoạch</th>
              <th>Đơn vị chịu trách nhiệm</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ p, s }) => (
              <tr key={`${p.package.id}-${s.stage}`} className={`status-${s.status}`}>
                <td>{p.unitName}</td>
                <td>{s.label}</td>
                <td>
                  <span className={`status-badge ${s.status}`}>{STATUS_LABELS[s.status]}</span>
                </td>
                <td className="num">{s.delayDays}</td>
                <td>{viDate(s.deadline)}</td>
                <td>{viDate(s.forecast)}</td>
                <td className="num">
                  {viNumber(s.done)} / {viNumber(s.total)}
                </td>
                <td>
                  {s.organizationName ?? 'Chưa giao đơn vị'}
                  {s.person && <span className="hint"> · {s.person}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
