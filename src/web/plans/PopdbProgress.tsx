/**
 * "Đối chiếu với CSDL dân cư": how far the comparison with the national
 * population database has come for the unit shown and the units below it
 * (registrations sent, returned, by class, differences decided and waiting),
 * from GET /api/popdb/progress — counted over what the reader sees. Shown to
 * readers who may see the comparison; nothing when the server refuses.
 */
import { useEffect, useState } from 'react';
import { ApiError, getJson } from '../shared/index.js';
import type { ComparisonFigures, ComparisonProgressView } from '../../popdb/index.js';
import { viNumber } from './plans.api.js';

const COLUMNS: { key: keyof ComparisonFigures; label: string }[] = [
  { key: 'sent', label: 'Đã gửi' },
  { key: 'returned', label: 'Đã có kết quả' },
  { key: 'same', label: 'Trùng khớp' },
  { key: 'differs', label: 'Khác nhau' },
  { key: 'notFound', label: 'Không có trong CSDL' },
  { key: 'idConflict', label: 'Xung đột số định danh' },
  { key: 'decided', label: 'Đã quyết định' },
  { key: 'open', label: 'Chờ quyết định' },
];

const qs = (unitId: string | undefined) => (unitId ? `?unitId=${encodeURIComponent(unitId)}` : '');

export function PopdbProgress({ unitId, reloadKey }: { unitId: string | undefined; reloadKey: number }) {
  const [view, setView] = useState<ComparisonProgressView | null>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const ac = new AbortController();
    setError(undefined);
    getJson<ComparisonProgressView>(`/api/popdb/progress${qs(unitId)}`, ac.signal).then(setView, (e: Error) => {
      if (ac.signal.aborted) return;
      if (e instanceof ApiError && e.status === 403) setView(null);
      else setError(e.message);
    });
    return () => ac.abort();
  }, [unitId, reloadKey]);
  if (error) return <p role="alert">{error}</p>;
  if (!view) return null;
  const rows = view.unit ? [view.unit, ...view.units] : view.units;
  if (rows.every((r) => r.sent === 0)) return null;
  return (
    <section aria-labelledby="popdb-progress-h">
      <h3 id="popdb-progress-h">Đối chiếu với CSDL quốc gia về dân cư</h3>
      <table className="unit-grid" aria-label="Tiến độ đối chiếu theo đơn vị" data-testid="popdb-progress">
        <thead>
          <tr>
            <th>Đơn vị</th>
            {COLUMNS.map((c) => (
              <th key={c.key} className="num">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.unitId} data-unit={r.unitId}>
              <th scope="row">{r === view.unit ? <strong>{r.name}</strong> : r.name}</th>
              {COLUMNS.map((c) => (
                <td key={c.key} className="num">
                  {viNumber(r[c.key] as number)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
