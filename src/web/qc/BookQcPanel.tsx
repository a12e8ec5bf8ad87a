/**
 * On the book page: the book's QC mode (a planner changes it), links to the
 * arbitration queue and the book checks, and — in a double-keyed book — the
 * keyer's work queue: registrations still waiting for a pass from them.
 * The mode selector shows to qc.plan holders (others read the mode), the
 * arbitration link to qc.arbitrate holders.
 */
import { useCallback, useEffect, useState } from 'react';
import { can, type SignedInUser } from '../auth/index.js';
import { MODE_LABELS, qcApi, type KeyingQueue, type QcMode, type QcSetting } from './keying-qc.api.js';
import './keying-qc.css';

export function BookQcPanel({ bookId, user }: { bookId: string; user: SignedInUser }) {
  const [setting, setSetting] = useState<QcSetting>();
  const [queue, setQueue] = useState<KeyingQueue>();
  const [message, setMessage] = useState<string>();
  const keyer = can(user, 'records.key');
  const load = useCallback(() => {
    qcApi.mode(bookId).then(setSetting, (e: Error) => setMessage(e.message));
    // Only keyers have a work queue (records.key); asking for another role's would be refused.
    if (keyer) qcApi.queue(bookId).then(setQueue, () => setQueue(undefined));
  }, [bookId, keyer]);
  useEffect(load, [load]);
  const change = (mode: QcMode) =>
    qcApi.setMode(bookId, mode).then(
      (s) => (setSetting(s), load()),
      (e: Error) => setMessage(e.message),
    );
  const open = (registrationId: string) =>
    qcApi.claim(registrationId).then(
      (pass) => void (location.hash = `#/records/${pass.id}`),
      (e: Error) => setMessage(e.message),
    );
  if (!setting) return null;
  return (
    <section className="qc-panel" aria-label="Kiểm soát chất lượng">
      {can(user, 'qc.plan') ? (
        <label>
          Chế độ kiểm soát chất lượng:{' '}
          <select value={setting.mode} onChange={(e) => void change(e.target.value as QcMode)} aria-label="Chế độ kiểm soát chất lượng">
            {(Object.keys(MODE_LABELS) as QcMode[]).map((m) => (
              <option key={m} value={m}>
                {MODE_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span data-testid="qc-mode">Chế độ kiểm soát chất lượng: {MODE_LABELS[setting.mode]}</span>
      )}{' '}
      {can(user, 'qc.arbitrate') && (
        <>
          <a href={`#/qc/arbitration/${bookId}`}>Trọng tài hai lần nhập</a> ·{' '}
        </>
      )}
      <a href={`#/qc/checks/${bookId}`}>Kiểm tra toàn quyển sổ</a>
      {message && <p role="alert">{message}</p>}
      {queue && queue.mode !== 'single_review' && (
        <div>
          <h4>Việc đăng ký chờ bạn nhập độc lập ({queue.items.length})</h4>
          <ol>
            {queue.items.map((i, n) => (
              <li key={i.registrationId}>
                <button type="button" onClick={() => void open(i.registrationId)}>
                  {i.myPass ? `Tiếp tục lần nhập ${n + 1}` : `Nhập độc lập ${n + 1}`}
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
