/**
 * Lots (#/qc/lots): the lots with their status (reports.view or
 * records.review), and a form to sample a new lot from books (plan, AQL,
 * seed; qc.plan or qc.accept). Keyers see only the link to their accuracy.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { can, NoPermission, type SignedInUser } from '../auth/index.js';
import { createLot, listBooks, listLots, type BookView, type LotListItem } from './acceptance.api.js';

const STATUS: Record<string, string> = { sampling: 'Đang kiểm tra mẫu', accepted: 'Đạt', rejected: 'Không đạt' };

/** Sampling a new lot from books: plan (ISO 2859-1 with AQL, or the confidence bound) and an optional seed. */
function NewLotForm({ onError }: { onError: (message: string) => void }) {
  const [books, setBooks] = useState<BookView[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [kind, setKind] = useState<'iso2859' | 'confidence'>('iso2859');
  const [aql, setAql] = useState('0.65');
  const [seed, setSeed] = useState('');
  useEffect(() => void listBooks().then(setBooks, () => undefined), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const plan = kind === 'iso2859' ? { kind, aql: Number(aql) } : { kind };
    createLot({ scope: { kind: 'books', bookIds: picked }, plan, ...(seed ? { seed } : {}) }).then((l) => { location.hash = `#/qc/lots/${l.id}`; }, (err: Error) => onError(err.message));
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Lấy mẫu lô mới">
      <label>Quyển sổ
        <select multiple value={picked} onChange={(e) => setPicked([...e.target.selectedOptions].map((o) => o.value))}>
          {books.map((b) => <option key={b.id} value={b.id}>{b.registerType} {b.yearFrom} quyển {b.volumeNo} — {b.authority}</option>)}
        </select>
      </label>
      <label>Phương án
        <select value={kind} onChange={(e) => setKind(e.target.value as 'iso2859' | 'confidence')}>
          <option value="iso2859">ISO 2859-1 mức II (AQL)</option>
          <option value="confidence">Cận trên tin cậy 95 %</option>
        </select>
      </label>
      {kind === 'iso2859' && <label>AQL (%)<input value={aql} onChange={(e) => setAql(e.target.value)} size={5} /></label>}
      <label>Hạt giống (tùy chọn)<input value={seed} onChange={(e) => setSeed(e.target.value)} placeholder="24 chữ số" /></label>
      <button type="submit">Lấy mẫu</button>
    </form>
  );
}

export function LotsPage({ user }: { user: SignedInUser }) {
  const [lots, setLots] = useState<LotListItem[]>([]);
  const [error, setError] = useState('');
  const canList = can(user, 'reports.view') || can(user, 'records.review');
  const canCreate = can(user, 'qc.plan') || can(user, 'qc.accept');
  useEffect(() => {
    if (canList) listLots().then(setLots, (e: Error) => setError(e.message));
  }, [canList]);
  return (
    <section>
      <h2>Nghiệm thu theo mẫu</h2>
      <p><a href="#/qc/keyers">Độ chính xác người nhập liệu</a></p>
      {canList ? (
        <table>
          <thead><tr><th>Lô</th><th>Số bản ghi</th><th>Phương án</th><th>Trạng thái</th></tr></thead>
          <tbody>{lots.map((l) => <tr key={l.id}><td><a href={`#/qc/lots/${l.id}`}>{l.scope.books?.map((b) => b.label).join('; ') ?? l.id}</a></td><td>{l.lotSize}</td><td>{l.planKind === 'iso2859' ? 'ISO 2859-1' : 'Clopper–Pearson'}</td><td>{STATUS[l.status] ?? l.status}</td></tr>)}</tbody>
        </table>
      ) : <NoPermission to="xem các lô nghiệm thu" />}
      {canCreate && <NewLotForm onError={setError} />}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
