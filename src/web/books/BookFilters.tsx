/**
 * The filters of the books screen: administrative unit (any level, old names
 * included: picked from the units lookup), register type, year, status and
 * words of the authority, volume number or notes (diacritics optional).
 */
import { useEffect, useState } from 'react';
import { getJson, type TemplateSummary } from '../shared/index.js';
import type { BookFilter } from './useBookList.js';
import { BOOK_STATUS_LABELS } from './books.api.js';

interface UnitHit {
  id: string;
  path: string;
}

/** A unit picked by name: the text is looked up as it is typed; choosing a suggestion sets the filter to that unit's id. */
function UnitFilter({ onUnit, initialText }: { onUnit: (id: string | undefined) => void; initialText: string }) {
  const [text, setText] = useState(initialText);
  const [typed, setTyped] = useState(false);
  const [hits, setHits] = useState<UnitHit[]>([]);
  useEffect(() => {
    if (!typed) return; // the unit a link opened the table with stays until the text is changed
    const chosen = hits.find((h) => h.path === text);
    if (chosen) return onUnit(chosen.id);
    if (text.trim() === '') onUnit(undefined);
    if (text.trim().length < 2) return setHits([]);
    const ac = new AbortController();
    const t = setTimeout(() => {
      getJson<UnitHit[]>(`/api/units/lookup?${new URLSearchParams({ q: text, limit: '12' }).toString()}`, ac.signal).then(setHits, () => undefined);
    }, 200);
    return () => {
      clearTimeout(t);
      ac.abort();
    };
  }, [text, typed]);
  return (
    <label>
      Đơn vị hành chính
      <input
        list="book-filter-units"
        value={text}
        onChange={(e) => {
          setTyped(true);
          setText(e.target.value);
        }}
        placeholder="xã, huyện, tỉnh (cả tên cũ)"
        size={28}
      />
      <datalist id="book-filter-units">
        {hits.map((h) => (
          <option key={h.id} value={h.path} />
        ))}
      </datalist>
    </label>
  );
}

export function BookFilters({ templates, value, onChange, unitName = '' }: { templates: TemplateSummary[]; value: BookFilter; onChange: (f: BookFilter) => void; unitName?: string }) {
  const set = (k: keyof BookFilter, v: string | undefined) => onChange({ ...value, [k]: v === '' ? undefined : v });
  const [year, setYear] = useState(value.year ?? '');
  const typeYear = (text: string) => {
    setYear(text);
    if (text === '' || /^\d{4}$/.test(text)) set('year', text); // a year applies once it has its four digits
  };
  return (
    <form className="inline-form book-filters" aria-label="Lọc quyển sổ" onSubmit={(e) => e.preventDefault()}>
      <UnitFilter initialText={unitName} onUnit={(id) => set('unit', id)} />
      <label>
        Loại sổ
        <select value={value.type ?? ''} onChange={(e) => set('type', e.target.value)}>
          <option value="">Tất cả</option>
          {templates.map((t) => (
            <option key={t.id} value={t.registerType}>
              {t.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Năm <input type="number" min={1850} max={2200} value={year} onChange={(e) => typeYear(e.target.value)} size={6} />
      </label>
      <label>
        Trạng thái
        <select value={value.status ?? ''} onChange={(e) => set('status', e.target.value)}>
          <option value="">Tất cả</option>
          {Object.entries(BOOK_STATUS_LABELS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tìm <input type="search" value={value.q ?? ''} onChange={(e) => set('q', e.target.value)} placeholder="cơ quan, quyển số, ghi chú" size={24} />
      </label>
    </form>
  );
}
