/**
 * Lots (#/qc/lots): the lots with their status (reports.view or
 * records.review), and a form to sample a new lot — chosen books, or every
 * book of a registering unit over a range of years — with its plan, AQL and
 * seed (qc.plan or qc.accept). Keyers see only the link to their accuracy.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { can, NoPermission, type SignedInUser } from '../auth/index.js';
import { createLot, listBooks, listLots, type BookView, type LotListItem } from './acceptance.api.js';

const STATUS: Record<string, string> = { sampling: 'Đang kiểm tra mẫu', accepted: 'Đạt', rejected: 'Không đạt' };

/** The registering units of the books (each once), for a lot of "every book of a unit over years". */
function unitsOf(books: readonly BookView[]): { id: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const b of books) if (b.authorityUnit && !seen.has(b.authorityUnit.id)) seen.set(b.authorityUnit.id, b.authorityUnit.path || b.authority);
  return [...seen].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}

function BooksScope({ books, picked, onPick }: { books: BookView[]; picked: string[]; onPick(ids: string[]): void }) {
  return (
    <label>
      Quyển sổ
      <select multiple value={picked} onChange={(e) => onPick([...e.target.selectedOptions].map((o) => o.value))}>
        {books.map((b) => (
          <option key={b.id} value={b.id}>
            {b.registerType} {b.yearFrom} quyển {b.volumeNo} — {b.authority}
          </option>
        ))}
      </select>
    </label>
  );
}

interface UnitScopeValue {
  unitCode: string;
  yearFrom: string;
  yearTo: string;
}

function UnitScope({ books, value, onChange }: { books: BookView[]; value: UnitScopeValue; onChange(v: UnitScopeValue): void }) {
  const units = unitsOf(books);
  return (
    <>
      <label>
        Đơn vị đăng ký
        <select value={value.unitCode} onChange={(e) => onChange({ ...value, unitCode: e.target.value })}>
          <option value="">— chọn đơn vị —</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Từ năm
        <input value={value.yearFrom} onChange={(e) => onChange({ ...value, yearFrom: e.target.value })} size={5} inputMode="numeric" />
      </label>
      <label>
        Đến năm
        <input value={value.yearTo} onChange={(e) => onChange({ ...value, yearTo: e.target.value })} size={5} inputMode="numeric" />
      </label>
    </>
  );
}

/** The scope as the API takes it, or a Vietnamese reason it is not complete. */
function scopeOf(kind: 'books' | 'unit', picked: string[], unit: UnitScopeValue): object | string {
  if (kind === 'books') return picked.length > 0 ? { kind, bookIds: picked } : 'Hãy chọn ít nhất một quyển sổ.';
  if (!unit.unitCode) return 'Hãy chọn đơn vị đăng ký.';
  const [from, to] = [Number(unit.yearFrom), Number(unit.yearTo || unit.yearFrom)];
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1800 || to < from) return 'Khoảng năm không hợp lệ (ví dụ từ 1985 đến 1990).';
  return { kind, unitCode: unit.unitCode, yearFrom: from, yearTo: to };
}

/** Sampling a new lot: its scope, plan (ISO 2859-1 with AQL, or the confidence bound) and an optional seed. */
function NewLotForm({ onError }: { onError: (message: string) => void }) {
  const [books, setBooks] = useState<BookView[]>([]);
  const [scopeKind, setScopeKind] = useState<'books' | 'unit'>('books');
  const [picked, setPicked] = useState<string[]>([]);
  const [unit, setUnit] = useState<UnitScopeValue>({ unitCode: '', yearFrom: '', yearTo: '' });
  const [kind, setKind] = useState<'iso2859' | 'confidence'>('iso2859');
  const [aql, setAql] = useState('0.65');
  const [seed, setSeed] = useState('');
  useEffect(() => void listBooks().then(setBooks, () => undefined), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const scope = scopeOf(scopeKind, picked, unit);
    if (typeof scope === 'string') return onError(scope);
    const plan = kind === 'iso2859' ? { kind, aql: Number(aql) } : { kind };
    createLot({ scope, plan, ...(seed ? { seed } : {}) }).then(
      (l) => {
        location.hash = `#/qc/lots/${l.id}`;
      },
      (err: Error) => onError(err.message),
    );
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Lấy mẫu lô mới">
      <label>
        Phạm vi
        <select value={scopeKind} onChange={(e) => setScopeKind(e.target.value as 'books' | 'unit')}>
          <option value="books">Các quyển sổ đã chọn</option>
          <option value="unit">Mọi quyển của một đơn vị trong khoảng năm</option>
        </select>
      </label>
      {scopeKind === 'books' ? <BooksScope books={books} picked={picked} onPick={setPicked} /> : <UnitScope books={books} value={unit} onChange={setUnit} />}
      <label>
        Phương án
        <select value={kind} onChange={(e) => setKind(e.target.value as 'iso2859' | 'confidence')}>
          <option value="iso2859">ISO 2859-1 mức II (AQL)</option>
          <option value="confidence">Cận trên tin cậy 95 %</option>
        </select>
      </label>
      {kind === 'iso2859' && (
        <label>
          AQL (%)
          <input value={aql} onChange={(e) => setAql(e.target.value)} size={5} />
        </label>
      )}
      <label>
        Hạt giống (tùy chọn)
        <input value={seed} onChange={(e) => setSeed(e.target.value)} placeholder="24 chữ số" />
      </label>
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
      <p>
        <a href="#/qc/keyers">Độ chính xác người nhập liệu</a> · <a href="#/qc/machine">Máy đọc và người nhập liệu</a>
      </p>
      {canList ? (
        <table>
          <thead>
            <tr>
              <th>Lô</th>
              <th>Số bản ghi</th>
              <th>Phương án</th>
              <th>Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {lots.map((l) => (
              <tr key={l.id}>
                <td>
                  <a href={`#/qc/lots/${l.id}`}>{l.scope.books?.map((b) => b.label).join('; ') ?? l.id}</a>
                </td>
                <td>{l.lotSize}</td>
                <td>{l.planKind === 'iso2859' ? 'ISO 2859-1' : 'Clopper–Pearson'}</td>
                <td>{STATUS[l.status] ?? l.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <NoPermission to="xem các lô nghiệm thu" />
      )}
      {canCreate && <NewLotForm onError={setError} />}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
