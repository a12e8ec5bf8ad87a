/**
 * Choosing books to assign among those the assigner sees: a filter (every
 * word typed starts a word of the title, registering authority, unit, year
 * or volume; diacritics optional), tick boxes, "chọn
 * mọi quyển đang hiện", and instead or besides, a unit whose every book
 * (within the assigner's scope) is assigned.
 */
import { useMemo, useState } from 'react';
import type { Book, UnitHit } from './admin.api.js';
import { foldText, unitHitText } from './labels.js';
import { UnitPicker } from './UnitPicker.js';

const SHOWN = 200;

const wordsOf = (s: string) =>
  foldText(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const bookWords = (b: Book) => wordsOf([b.title, b.authority, b.authorityUnit?.path ?? '', String(b.yearFrom), b.volumeNo].join(' '));

interface Props {
  books: Book[];
  chosen: ReadonlySet<string>;
  onChosen(ids: Set<string>): void;
  unit: UnitHit | undefined;
  onUnit(u: UnitHit | undefined): void;
}

export function BookPicker({ books, chosen, onChosen, unit, onUnit }: Props) {
  const [filter, setFilter] = useState('');
  const matching = useMemo(() => {
    const typed = wordsOf(filter);
    return books.filter((b) => {
      const words = bookWords(b);
      return typed.every((t) => words.some((w) => w.startsWith(t)));
    });
  }, [books, filter]);
  const shown = matching.slice(0, SHOWN);
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (!next.delete(id)) next.add(id);
    onChosen(next);
  };
  return (
    <fieldset className="book-picker">
      <legend>Quyển sổ ({chosen.size} đã chọn)</legend>
      <div className="inline-form">
        <label>
          Lọc quyển sổ <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="tên sổ, cơ quan đăng ký, năm…" />
        </label>
        <button type="button" onClick={() => onChosen(new Set([...chosen, ...shown.map((b) => b.id)]))}>
          Chọn mọi quyển đang hiện
        </button>
        <button type="button" onClick={() => onChosen(new Set())} disabled={chosen.size === 0}>
          Bỏ chọn tất cả
        </button>
      </div>
      {books.length === 0 ? (
        <p>Bạn chưa thấy quyển sổ nào để giao.</p>
      ) : (
        <ul className="pick-list" aria-label="Quyển sổ để giao">
          {shown.map((b) => (
            <li key={b.id}>
              <label className="check">
                <input type="checkbox" checked={chosen.has(b.id)} onChange={() => toggle(b.id)} /> {b.title} — {b.authority} ({b.yearFrom})
              </label>
            </li>
          ))}
        </ul>
      )}
      {matching.length > SHOWN && (
        <p className="hint">
          Đang hiện {SHOWN}/{matching.length} quyển khớp; lọc thêm để thấy các quyển khác.
        </p>
      )}
      {filter && matching.length === 0 && <p className="hint">Không có quyển nào khớp bộ lọc.</p>}
      <div className="unit-choice">
        {unit ? (
          <p>
            Và mọi quyển của: <strong>{unitHitText(unit)}</strong>{' '}
            <button type="button" className="link" onClick={() => onUnit(undefined)}>
              bỏ
            </button>
          </p>
        ) : (
          <UnitPicker label="Hoặc mọi quyển của xã (hoặc huyện, tỉnh)" onPick={onUnit} />
        )}
      </div>
    </fieldset>
  );
}
