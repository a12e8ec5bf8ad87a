/** A history as a table: when, who, what, why (and the decision a correction rests on). */
import type { HistoryItem } from '../../entry/index.js';

const when = (iso: string) => new Date(iso).toLocaleString('vi-VN');

export function HistoryList({ items, recordLinks = false }: { items: readonly HistoryItem[]; recordLinks?: boolean }) {
  if (items.length === 0) return <p className="hint">Chưa có thay đổi nào.</p>;
  return (
    <table className="history">
      <thead>
        <tr>
          <th>Thời gian</th>
          <th>Người thực hiện</th>
          <th>Nội dung</th>
          <th>Lý do</th>
        </tr>
      </thead>
      <tbody>
        {[...items].reverse().map((h, i) => (
          <tr key={i} data-testid="history-item">
            <td>{when(h.at)}</td>
            <td>{h.by ?? 'hệ thống'}</td>
            <td>{recordLinks && h.recordId ? <a href={`#/history/records/${h.recordId}`}>{h.summary}</a> : h.summary}</td>
            <td>
              {h.reason}
              {h.decisionRef && <> (căn cứ: {h.decisionRef})</>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
