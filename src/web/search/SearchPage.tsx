/**
 * "Tìm kiếm" (#/search?q=…&year=…&type=…&unit=…): find a person by name
 * however it is typed (no diacritics, old or new tone placement, a slip of
 * one letter), narrowed by year, register type and unit (old names too).
 * Each hit shows why it matched, the book and, when the record lies in the
 * user's scope, the page thumbnail and a link that opens the record with its
 * image. An officer who issues copies sees the whole province but only the
 * minimal view of records outside her scope, and a link to issue a copy of
 * those inside it (a copy of another commune's record goes through a request).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../shared/index.js';
import './search.css';
import { formFromQuery, formToQuery, searchPeople, type SearchForm, type SearchHit, type SearchResult } from './search.api.js';

const TYPES: Record<string, string> = {
  KS: 'Khai sinh',
  KT: 'Khai tử',
  KH: 'Kết hôn',
  CMC: 'Nhận cha, mẹ, con',
  HN: 'Xác nhận tình trạng hôn nhân',
  TDCC: 'Thay đổi, cải chính',
  GH: 'Giám hộ',
  GC: 'Ghi chú',
  CN: 'Nuôi con nuôi',
};

function Hit({ hit, canIssue }: { hit: SearchHit; canIssue: boolean }) {
  const thumb = hit.canOpen && hit.pageId ? `/api/books/${hit.bookId}/pages/${hit.pageId}/thumbnail` : null;
  return (
    <li className="search-hit" data-testid="search-hit">
      {thumb ? <img className="search-thumb" src={thumb} alt="Ảnh trang sổ" loading="lazy" /> : <span className="search-thumb none" aria-hidden="true" />}
      <div>
        <p className="search-name">
          {hit.canOpen ? <a href={`#/records/${hit.recordId}`}>{hit.name}</a> : <span>{hit.name}</span>}
          <span className="search-role">
            {' '}
            — {hit.roleLabel}
            {hit.birthDate ? `, sinh ${hit.birthDate}` : ''}
          </span>
        </p>
        <p className="search-book">
          {TYPES[hit.registerType] ?? hit.registerType} · số {hit.so || '?'} · quyển {hit.quyen || '?'}
          {hit.registeredOn ? ` · đăng ký ${hit.registeredOn}` : ''} · {hit.authority}
        </p>
        <p className="search-why">
          {hit.reasons.join('; ')} · điểm {hit.score.toFixed(2).replace('.', ',')}
        </p>
        {!hit.canOpen && <p className="search-why">Ngoài phạm vi được giao: chỉ xem được thông tin tóm tắt.</p>}
        {canIssue && hit.canOpen && (
          <p>
            <a href={`#/extracts/record/${hit.recordId}`}>Cấp bản sao</a>
          </p>
        )}
      </div>
    </li>
  );
}

export function SearchPage({ query, canIssue = false }: { query: string; canIssue?: boolean }) {
  const [form, setForm] = useState<SearchForm>(() => formFromQuery(query));
  const [result, setResult] = useState<SearchResult>();
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    const asked = formFromQuery(query);
    setForm(asked);
    if (asked.q.trim() === '') return setResult(undefined);
    const ctl = new AbortController();
    setError('');
    searchPeople(asked, ctl.signal).then(setResult, (e: unknown) => {
      if (!ctl.signal.aborted) setError(e instanceof ApiError || e instanceof Error ? e.message : 'Không tìm được.');
    });
    return () => ctl.abort();
  }, [query]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    location.hash = `#/search?${formToQuery(form)}`;
  };
  const set = (k: keyof SearchForm) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <section className="search-page">
      <h2>Tìm kiếm người trong sổ hộ tịch</h2>
      <form className="search-form" onSubmit={submit} role="search">
        <label>
          Họ tên <input ref={input} name="q" value={form.q} onChange={set('q')} placeholder="ví dụ: nguyen thi thuy hoa" autoComplete="off" />
        </label>
        <label>
          Năm <input name="year" value={form.year} onChange={set('year')} inputMode="numeric" size={6} placeholder="yyyy" />
        </label>
        <label>
          Loại sổ
          <select name="type" value={form.type} onChange={set('type')}>
            <option value="">Tất cả</option>
            {Object.entries(TYPES).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Đơn vị <input name="unit" value={form.unit} onChange={set('unit')} placeholder="UBND xã …, huyện … (cả tên cũ)" />
        </label>
        <button type="submit">Tìm</button>
      </form>
      <p className="search-help">Gõ có dấu hay không dấu đều được; sai một chữ vẫn tìm ra. Phím tắt: / hoặc Ctrl+K để mở trang này từ bất cứ đâu.</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <>
          <p className="search-summary" data-testid="search-summary">
            {result.hits.length === 0 ? 'Không tìm thấy ai.' : `${result.hits.length} kết quả`}
            {result.unit ? ` trong ${result.unit.name}` : ''}
            {result.fallback ? ' (tìm gần đúng trong phạm vi bộ lọc)' : ''}
            {result.provinceWide ? ' · tìm trong toàn tỉnh' : ''}
          </p>
          <ol className="search-hits">
            {result.hits.map((h) => (
              <Hit key={`${h.recordId}:${h.role}`} hit={h} canIssue={canIssue} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** "/" (outside a text field) or Ctrl/Cmd+K opens the search page from any screen. */
export function useSearchShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = t !== null && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
      const ctrlK = (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k';
      if (!ctrlK && (e.key !== '/' || typing)) return;
      e.preventDefault();
      if (!location.hash.startsWith('#/search')) location.hash = '#/search';
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}
