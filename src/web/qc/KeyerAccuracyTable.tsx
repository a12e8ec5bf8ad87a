/**
 * Keyer accuracy (#/qc/keyers) for reviewers and planners: per keyer (in name
 * order — not a ranking) the error rates by field group with 95 %
 * Clopper–Pearson intervals and the current mode (double keying or sampled
 * review). A keyer gets only their own row from the server.
 */
import { useEffect, useState } from 'react';
import { listKeyers, pct, type KeyerAccuracy } from './acceptance.api.js';

const MODE = { double: 'Nhập hai lần', sampled: 'Kiểm tra theo mẫu' } as const;

export function KeyerAccuracyTable() {
  const [rows, setRows] = useState<KeyerAccuracy[]>();
  const [error, setError] = useState('');
  useEffect(() => void listKeyers().then(setRows, (e: Error) => setError(e.message)), []);
  if (!rows) return <p role={error ? 'alert' : undefined}>{error || 'Đang tải…'}</p>;
  const cell = (s: KeyerAccuracy['status']['total']['critical']) => `${s.errors}/${s.units} = ${pct(s.rate)} [${pct(s.interval.lower)}; ${pct(s.interval.upper)}]`;
  return (
    <section>
      <h2>Độ chính xác người nhập liệu</h2>
      <table data-testid="keyer-accuracy">
        <thead>
          <tr>
            <th>Người nhập</th>
            <th>Bản ghi</th>
            <th>Trường trọng yếu (KTC 95 %)</th>
            <th>Trường khác (KTC 95 %)</th>
            <th>Chế độ hiện tại</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((k) => (
            <tr key={k.keyerId}>
              <td>{k.name}</td>
              <td>{k.status.total.records}</td>
              <td>{cell(k.status.total.critical)}</td>
              <td>{cell(k.status.total.other)}</td>
              <td>
                {MODE[k.status.mode]}
                {k.status.recordsToQualify > 0 ? ` (còn ${k.status.recordsToQualify} bản ghi để xét)` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
