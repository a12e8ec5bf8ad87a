/**
 * Route #/history/records/:id: where a registration is in the line (its
 * stage), its history (who, when, what, why), and — for a checker
 * (records.review) once the registration is accepted or exported — the
 * correction form: a field, its new value, the reason and the decision it
 * rests on. After the export's sign-off the correction makes the export stale
 * (the book page says so); the server refuses a correction without a reason.
 */
import { useCallback, useEffect, useState } from 'react';
import type { RecordTimeline } from '../../entry/index.js';
import { can, type SignedInUser } from '../auth/index.js';
import { Breadcrumbs, getJson, newTxId, sendJson, unitCrumbs } from '../shared/index.js';
import type { BookView } from '../../archive/index.js';
import { HistoryList } from './HistoryList.js';

interface RecordValues {
  id: string;
  bookId: string;
  version: number;
  values: Record<string, string>;
}

const LOCKED = new Set(['accepted', 'exported', 'loaded']);

function CorrectionForm({ record, onDone }: { record: RecordValues; onDone: () => void }) {
  const keys = Object.keys(record.values);
  const [field, setField] = useState(keys[0] ?? '');
  const [value, setValue] = useState(record.values[keys[0] ?? ''] ?? '');
  const [reason, setReason] = useState('');
  const [decisionRef, setDecisionRef] = useState('');
  const [error, setError] = useState<string>();
  const pick = (k: string) => {
    setField(k);
    setValue(record.values[k] ?? '');
  };
  const submit = () => {
    setError(undefined);
    const body = { clientTxId: newTxId(), expectedVersion: record.version, values: { [field]: value }, reason, ...(decisionRef ? { decisionRef } : {}) };
    sendJson('PUT', `/api/records/${record.id}`, body).then(onDone, (e: Error) => setError(e.message));
  };
  return (
    <form
      className="correction"
      aria-label="Đính chính bản ghi"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>Đính chính</h3>
      <label>
        Trường{' '}
        <select value={field} onChange={(e) => pick(e.target.value)}>
          {keys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label>
        Giá trị đúng <input value={value} onChange={(e) => setValue(e.target.value)} maxLength={2000} />
      </label>
      <label>
        Lý do đính chính <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required />
      </label>
      <label>
        Căn cứ (số, ngày quyết định — nếu có) <input value={decisionRef} onChange={(e) => setDecisionRef(e.target.value)} maxLength={300} />
      </label>
      <button type="submit">Ghi đính chính</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

export function RecordHistoryPage({ id, user }: { id: string; user: SignedInUser }) {
  const [timeline, setTimeline] = useState<RecordTimeline>();
  const [record, setRecord] = useState<RecordValues>();
  const [error, setError] = useState<string>();
  const [book, setBook] = useState<BookView>();
  const bookId = timeline?.bookId;
  useEffect(() => {
    if (bookId) getJson<BookView>(`/api/books/${bookId}`).then(setBook, () => undefined);
  }, [bookId]);
  const load = useCallback(() => {
    getJson<RecordTimeline>(`/api/records/${id}/timeline`).then(setTimeline, (e: Error) => setError(e.message));
    getJson<RecordValues>(`/api/records/${id}`).then(setRecord, (e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);
  if (error) return <p role="alert">{error}</p>;
  if (!timeline || !record) return <p>Đang tải…</p>;
  return (
    <section>
      <Breadcrumbs
        items={[
          ...unitCrumbs(book?.authorityUnit?.chain),
          { label: book?.title ?? 'Quyển sổ', href: `#/books/${timeline.bookId}` },
          { label: `Bản ghi${record.values.so ? ` số ${record.values.so}` : ''}` },
        ]}
      />
      <p>
        <a href={`#/books/${timeline.bookId}`}>← Về quyển sổ</a> · <a href={`#/records/${id}`}>Màn hình nhập liệu</a>
      </p>
      <h2>Bản ghi{record.values.so ? ` số ${record.values.so}` : ''}</h2>
      <p data-testid="record-stage">
        Giai đoạn: <strong>{timeline.stageLabel}</strong>
      </p>
      {LOCKED.has(timeline.stage) && can(user, 'records.review') && <CorrectionForm key={record.version} record={record} onDone={load} />}
      <h3>Lịch sử bản ghi</h3>
      <HistoryList items={timeline.items} />
    </section>
  );
}
