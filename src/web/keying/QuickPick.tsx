/**
 * Ctrl+J: jump to a field by typing part of its label (or its group, or its
 * MoJ key), without diacritics if one likes: "ngay sinh me" finds «Ngày,
 * tháng, năm sinh» of Mẹ. ↑/↓ choose, Enter jumps, Esc goes back.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { searchKey } from '../../vn/index.js';
import type { FormDescription } from './keying.api.js';

interface Entry {
  key: string;
  label: string;
  group: string;
  search: string;
}

export function quickPickEntries(form: FormDescription): Entry[] {
  return form.groups.flatMap((g) => g.fields.filter((f) => f.widget !== 'none').map((f) => ({ key: f.key, label: f.label, group: g.label, search: searchKey(`${f.label} ${g.label} ${f.key}`) })));
}

export function matchEntries(entries: readonly Entry[], query: string): Entry[] {
  const words = searchKey(query)
    .split(' ')
    .filter((w) => w !== '');
  return entries.filter((e) => words.every((w) => e.search.includes(w)));
}

export function QuickPick({ form, onPick, onClose }: { form: FormDescription; onPick(key: string): void; onClose(): void }) {
  const entries = useMemo(() => quickPickEntries(form), [form]);
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(0);
  const hits = matchEntries(entries, query).slice(0, 12);
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') setAt((i) => Math.min(i + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setAt((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter' && hits[at]) onPick(hits[at].key);
    else return;
    e.preventDefault();
  };
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Tìm trường">
      <div className="quick-pick">
        <input
          autoFocus
          aria-label="Tên trường cần tới"
          placeholder="Gõ tên trường, ví dụ: ngày sinh mẹ"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setAt(0);
          }}
          onKeyDown={onKey}
          onBlur={onClose}
        />
        <ul role="listbox" aria-label="Các trường">
          {hits.map((h, i) => (
            <li
              key={h.key}
              role="option"
              data-key={h.key}
              aria-selected={i === at}
              className={i === at ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                onPick(h.key);
              }}
            >
              {h.label} <span className="group">— {h.group}</span>
            </li>
          ))}
          {hits.length === 0 && <li className="empty">Không có trường nào khớp.</li>}
        </ul>
      </div>
    </div>
  );
}
