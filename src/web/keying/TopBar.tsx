/**
 * The bar above the page and the form: which book and record this is, its
 * status and version, and whether everything typed is saved.
 */
import { RECORD_STATUS_LABELS } from '../shared/index.js';
import type { BookInfo, RecordView } from './keying.api.js';
import type { SaveState } from './useRecordEditor.js';

interface Props {
  book: BookInfo;
  record: RecordView;
  position: number;
  total: number;
  name: string;
  saveState: SaveState;
  /** Absent on a read-only screen. */
  onReopen?: () => void;
}

function saveText(s: SaveState): string {
  switch (s.kind) {
    case 'saved':
      return 'Đã lưu';
    case 'dirty':
      return 'Có thay đổi chưa lưu';
    case 'saving':
      return 'Đang lưu…';
    case 'conflict':
      return 'Chưa lưu: bản ghi đã bị sửa ở nơi khác';
    case 'error':
      return `Lỗi khi lưu: ${s.message}`;
  }
}

export function TopBar({ book, record, position, total, name, saveState, onReopen }: Props) {
  return (
    <header className="keying-top">
      <a href={`#/books/${book.id}`} className="book-link" title={book.authority}>
        ← {book.title}
      </a>
      {record.keyingOf ? (
        <span className="badge pass" data-testid="pass-banner" title="Người nhập khác nhập cùng việc đăng ký này; bạn không thấy giá trị của họ">
          Lần nhập độc lập
        </span>
      ) : (
        <span>
          Bản ghi {position + 1}/{total}
        </span>
      )}
      {record.values.so && <span>Số {record.values.so}</span>}
      {name && <span className="record-name">{name}</span>}
      <span className={`badge ${record.status}`} data-testid="record-status">
        {RECORD_STATUS_LABELS[record.status]}
      </span>
      {record.status === 'completed' && onReopen && (
        <button type="button" className="link" onClick={onReopen}>
          Mở lại để sửa
        </button>
      )}
      <span data-testid="record-version">Phiên bản {record.version}</span>
      <span className={`save-state ${saveState.kind}`} role="status" data-testid="save-state">
        {saveText(saveState)}
      </span>
    </header>
  );
}

export function ShortcutHelp({ items }: { items: readonly (readonly [string, string])[] }) {
  return (
    <footer className="shortcut-help" aria-label="Phím tắt">
      {items.map(([keys, what]) => (
        <span key={keys}>
          <kbd>{keys}</kbd> {what}
        </span>
      ))}
    </footer>
  );
}
