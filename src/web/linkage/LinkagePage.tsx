/**
 * The duplicate queue (#/linkage): the open linkage candidates in the
 * reviewer's scope (kind, score), and the comparison of one pair
 * (#/linkage/<id>): both records side by side with their page images (IIIF),
 * their keyed values, the explanation per field (khớp / gần khớp / khác /
 * thiếu with its weight) and the decision form: duplicate of (which record
 * is kept), linked as, not the same person, with a reason. Keyboard: Tab
 * through the queue links and the form; in the comparison, 1 / 2 (or
 * Alt+1 / Alt+2, also inside the reason field) keep record A / B (2: linked,
 * for the other kinds), 3 not the same person, Ctrl+Enter records the
 * decision, Esc goes back to the queue.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { codeLabel, getTemplate, type FieldDef } from '../../registers/index.js';
import { DECISION_NAMES, isDuplicateKind, KIND_NAMES, linkageApi, pageImageUrl, STATUS_NAMES, type CandidateView, type Decision, type RecordView } from './linkage.api.js';
import './linkage.css';

const score = (c: CandidateView) => `${(c.probability * 100).toFixed(1)}% (trọng số ${c.weight.toFixed(1)})`;

export function LinkageQueue() {
  const [items, setItems] = useState<CandidateView[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    linkageApi.open().then(setItems, (e: Error) => setError(e.message));
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!items) return <p>Đang tải…</p>;
  return (
    <section className="linkage">
      <h2>Hàng chờ bản ghi trùng và liên kết</h2>
      {items.length === 0 ? (
        <p>Không còn cặp bản ghi nào chờ xem xét.</p>
      ) : (
        <table data-testid="linkage-queue">
          <thead>
            <tr>
              <th>Loại</th>
              <th>Điểm</th>
              <th>Khớp / khác</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} data-candidate={c.id}>
                <td>{KIND_NAMES[c.kind] ?? c.kind}</td>
                <td>{score(c)}</td>
                <td>
                  {c.explanation.fields.filter((f) => f.status === 'agree').length} khớp · {c.explanation.fields.filter((f) => f.status === 'disagree').length} khác
                </td>
                <td>
                  <a href={`#/linkage/${c.id}`}>So sánh</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RecordColumn({ label, record }: { label: string; record: RecordView }) {
  const pageId = record.pageIds[0];
  return (
    <div className="linkage-record" data-testid={`record-${label}`}>
      <h3>
        Bản ghi {label}
        {record.values.so ? ` — số ${record.values.so}` : ''}
        {record.values.quyenSo ? `, quyển ${record.values.quyenSo}` : ''}
      </h3>
      <p>
        <a href={`#/history/records/${record.id}`}>Lịch sử bản ghi</a>
      </p>
      {pageId ? <img className="linkage-page" src={pageImageUrl(pageId)} alt={`Ảnh trang sổ của bản ghi ${label}`} /> : <p>Bản ghi không có ảnh trang.</p>}
    </div>
  );
}

/** A keyed value as the reader knows it: a code with its label ("2 — Nữ"). */
function shown(f: FieldDef, value: string | undefined): string {
  if (!value) return '';
  const label = f.codeList ? codeLabel(f.codeList, value) : undefined;
  return label ? `${value} — ${label}` : value;
}

function ValuesTable({ a, b }: { a: RecordView; b: RecordView }) {
  const fields = getTemplate(a.templateId).fields;
  const extra = a.templateId === b.templateId ? [] : getTemplate(b.templateId).fields.filter((f) => !fields.some((x) => x.key === f.key));
  const rows = [...fields, ...extra].filter((f) => a.values[f.key] || b.values[f.key]);
  return (
    <table className="linkage-values" data-testid="linkage-values">
      <thead>
        <tr>
          <th>Trường</th>
          <th>Bản ghi A</th>
          <th>Bản ghi B</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((f) => (
          <tr key={f.key} className={(a.values[f.key] ?? '') === (b.values[f.key] ?? '') ? '' : 'differs'}>
            <th scope="row">{f.label}</th>
            <td>{shown(f, a.values[f.key])}</td>
            <td>{shown(f, b.values[f.key])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Explanation({ c }: { c: CandidateView }) {
  return (
    <table className="linkage-explanation" data-testid="linkage-explanation">
      <caption>Giải thích điểm: từng trường so sánh</caption>
      <thead>
        <tr>
          <th>Trường</th>
          <th>Kết quả</th>
          <th>Trọng số</th>
        </tr>
      </thead>
      <tbody>
        {c.explanation.fields.map((f) => (
          <tr key={f.field} className={`status-${f.status}`}>
            <th scope="row">{f.label}</th>
            <td>{STATUS_NAMES[f.status] ?? f.status}</td>
            <td>{f.weight.toFixed(2)}</td>
          </tr>
        ))}
      </tbody>
      {c.ruleLabels.length > 0 && (
        <tfoot>
          <tr>
            <td colSpan={3}>Quy tắc khớp: {c.ruleLabels.join('; ')}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

type Choice = 'keepA' | 'keepB' | 'linked' | 'not_same';

function DecisionForm({ c, onDone }: { c: CandidateView; onDone: () => void }) {
  const dup = isDuplicateKind(c.kind);
  const [choice, setChoice] = useState<Choice>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!choice) return setError('Hãy chọn một quyết định.');
    const d: Decision =
      choice === 'keepA' ? { decision: 'duplicate_of', keepId: c.recordA, reason } : choice === 'keepB' ? { decision: 'duplicate_of', keepId: c.recordB, reason } : { decision: choice, reason };
    setBusy(true);
    linkageApi.decide(c.id, d).then(onDone, (err: Error) => {
      setBusy(false);
      setError(err.message);
    });
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // 1/2/3 outside the reason field (Alt+1/2/3 anywhere: some browsers keep Alt+digit for their tabs, then the plain digit still works).
      const typing = e.target instanceof HTMLTextAreaElement;
      const digit = (e.altKey || (!typing && !e.ctrlKey && !e.metaKey)) && ['1', '2', '3'].includes(e.key) ? e.key : '';
      if (digit === '1' && dup) setChoice('keepA');
      else if (digit === '2') setChoice(dup ? 'keepB' : 'linked');
      else if (digit === '3') setChoice('not_same');
      else if (e.ctrlKey && e.key === 'Enter') submit();
      else return;
      e.preventDefault();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });
  const option = (value: Choice, label: string, key: string) => (
    <label>
      <input type="radio" name="decision" value={value} checked={choice === value} onChange={() => setChoice(value)} /> {label} <kbd>{key}</kbd>
    </label>
  );
  return (
    <form className="linkage-decision" onSubmit={submit} aria-label="Quyết định">
      <fieldset>
        <legend>Quyết định</legend>
        {dup ? (
          <>
            {option('keepA', 'Trùng — giữ bản ghi A, bản ghi B là bản trùng', '1')}
            {option('keepB', 'Trùng — giữ bản ghi B, bản ghi A là bản trùng', '2')}
          </>
        ) : (
          option('linked', `Liên kết: ${KIND_NAMES[c.kind] ?? c.kind} của cùng một người`, '2')
        )}
        {option('not_same', 'Không phải cùng một người', '3')}
      </fieldset>
      <label>
        Lý do <textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} rows={2} />
      </label>
      <button type="submit" disabled={busy}>
        Ghi quyết định <kbd>Ctrl+Enter</kbd>
      </button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

export function LinkageComparePage({ id }: { id: string }) {
  const [c, setC] = useState<CandidateView>();
  const [records, setRecords] = useState<[RecordView, RecordView]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    linkageApi
      .candidate(id)
      .then(async (cand) => {
        setC(cand);
        setRecords(await Promise.all([linkageApi.record(cand.recordA), linkageApi.record(cand.recordB)]));
      })
      .catch((e: Error) => setError(e.message));
  }, [id]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') location.hash = '#/linkage';
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!c || !records) return <p>Đang tải…</p>;
  const decided = c.decision;
  return (
    <section className="linkage">
      <p>
        <a href="#/linkage">← Về hàng chờ</a>
      </p>
      <h2>
        {KIND_NAMES[c.kind] ?? c.kind} · {score(c)}
      </h2>
      <div className="linkage-pair">
        <RecordColumn label="A" record={records[0]} />
        <RecordColumn label="B" record={records[1]} />
      </div>
      <Explanation c={c} />
      <ValuesTable a={records[0]} b={records[1]} />
      {decided ? (
        <p data-testid="linkage-decided">
          Đã quyết định: {DECISION_NAMES[decided.decision] ?? decided.decision}
          {decided.keepId ? ` — giữ bản ghi ${decided.keepId === c.recordA ? 'A' : 'B'}` : ''}
          {decided.reason ? ` (${decided.reason})` : ''}
        </p>
      ) : (
        <DecisionForm c={c} onDone={() => (location.hash = '#/linkage')} />
      )}
    </section>
  );
}
