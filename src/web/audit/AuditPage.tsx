/**
 * "Nhật ký kiểm toán" (#/audit[?record=…&book=…]): who did what and who read
 * what, newest first — the write log (records, books, pages, QC, exports,
 * users and grants) or the log of reads of personal data — filtered by user
 * login, registering unit, record, book and date range, 50 rows a page.
 * The server shows only books in the viewer's scope.
 */
import { useEffect, useState, type FormEvent } from 'react';
import './audit.css';
import { EMPTY_FILTER, fetchAudit, listBooks, type AuditFilter, type AuditItem, type BookView } from './audit.api.js';

const KINDS: Record<string, string> = {
  created: 'Tạo mới',
  keyed: 'Nhập liệu',
  corrected: 'Sửa',
  completed: 'Hoàn thành',
  reopened: 'Mở lại',
  flagged: 'Đánh dấu',
  acknowledged: 'Xác nhận cảnh báo',
  verified: 'Kiểm tra',
  arbitrated: 'Phân xử',
  imported: 'Nhập từ tệp',
  changed: 'Thay đổi',
  status: 'Đổi trạng thái',
  signed: 'Ký duyệt',
  'record.view': 'Xem bản ghi',
  'record.history': 'Xem lịch sử bản ghi',
  'image.view': 'Xem ảnh trang',
  'record.pdf': 'Tải PDF đăng ký',
  'book.zip': 'Tải tệp nén quyển sổ',
  'export.download': 'Tải tệp xuất',
  'import.report': 'Tải báo cáo nhập',
  'qc.sample': 'Xem mẫu nghiệm thu',
  search: 'Tìm kiếm',
  issued: 'Cấp bản sao',
  revoked: 'Thu hồi',
  received: 'Tiếp nhận yêu cầu',
  found: 'Tìm thấy bản ghi',
  refused: 'Từ chối',
  'extract.issue': 'Cấp bản sao',
  'extract.pdf': 'Tải PDF bản sao',
  'extract.log': 'Tải sổ cấp bản sao',
  'popdb.export': 'Xuất tệp đối chiếu CSDL dân cư',
  'popdb.corrections': 'Tải danh sách đề nghị điều chỉnh CSDL dân cư',
};
const ENTITIES: Record<string, string> = {
  record: 'Bản ghi',
  book: 'Quyển sổ',
  page: 'Trang',
  user: 'Người dùng',
  organization: 'Cơ quan',
  grant: 'Phân quyền',
  qc_setting: 'Thiết lập kiểm tra',
  qc_decision: 'Quyết định kiểm tra',
  qc_lot: 'Lô nghiệm thu',
  export: 'Lần xuất',
  import: 'Lần nhập',
  search: 'Tìm kiếm',
  extract_copy: 'Bản sao',
  extract_request: 'Yêu cầu cấp bản sao',
  admin_unit: 'Đơn vị hành chính',
  popdb_export: 'Tệp gửi đối chiếu CSDL dân cư',
  popdb_batch: 'Tệp kết quả đối chiếu CSDL dân cư',
  popdb_row: 'Chỗ khác nhau với CSDL dân cư',
};

const when = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
const short = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

/** The registering units of the visible books, each once, for the unit filter. */
function unitsOf(books: readonly BookView[]): { id: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const b of books) if (b.authorityUnit && !seen.has(b.authorityUnit.id)) seen.set(b.authorityUnit.id, b.authorityUnit.path || b.authority);
  return [...seen].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}

function filterFromHash(): AuditFilter {
  const q = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  return { ...EMPTY_FILTER, record: q.get('record') ?? '', book: q.get('book') ?? '' };
}

function Row({ item }: { item: AuditItem }) {
  const target = item.recordId ? <a href={`#/records/${item.recordId}`}>{short(item.recordId)}</a> : short(item.entityId);
  return (
    <tr>
      <td>{when(item.at)}</td>
      <td>{item.actorLogin ? <span title={item.actorName ?? ''}>{item.actorLogin}</span> : <em>hệ thống</em>}</td>
      <td>{KINDS[item.kind] ?? item.kind}</td>
      <td>
        {ENTITIES[item.entityType] ?? item.entityType} {target}
      </td>
      <td>{item.bookId ? <a href={`#/books/${item.bookId}`}>{short(item.bookId)}</a> : '—'}</td>
      <td>{item.log === 'access' ? <span title={item.userAgent}>{item.ip || '—'}</span> : item.reason || '—'}</td>
      <td className="num">{item.seq}</td>
    </tr>
  );
}

function Filters({ value, units, onApply }: { value: AuditFilter; units: { id: string; label: string }[]; onApply(f: AuditFilter): void }) {
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: keyof AuditFilter) => String(f.get(k) ?? '').trim();
    onApply({ log: text('log') === 'access' ? 'access' : 'actions', user: text('user'), unit: text('unit'), record: text('record'), book: text('book'), from: text('from'), to: text('to') });
  }
  return (
    <form className="audit-filters" onSubmit={submit} aria-label="Lọc nhật ký">
      <label>
        Nhật ký{' '}
        <select name="log" defaultValue={value.log}>
          <option value="actions">Thao tác ghi</option>
          <option value="access">Truy cập dữ liệu cá nhân</option>
        </select>
      </label>
      <label>
        Người dùng (tên đăng nhập) <input name="user" defaultValue={value.user} />
      </label>
      <label>
        Đơn vị đăng ký{' '}
        <select name="unit" defaultValue={value.unit}>
          <option value="">Tất cả</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Mã bản ghi <input name="record" defaultValue={value.record} />
      </label>
      <label>
        Mã quyển sổ <input name="book" defaultValue={value.book} />
      </label>
      <label>
        Từ ngày <input type="date" name="from" defaultValue={value.from} />
      </label>
      <label>
        Đến ngày <input type="date" name="to" defaultValue={value.to} />
      </label>
      <button type="submit">Lọc</button>
    </form>
  );
}

export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>(filterFromHash);
  const [items, setItems] = useState<AuditItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [units, setUnits] = useState<{ id: string; label: string }[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const ac = new AbortController();
    listBooks(ac.signal).then(
      (b) => setUnits(unitsOf(b)),
      () => undefined,
    );
    return () => ac.abort();
  }, []);

  useEffect(() => {
    const ac = new AbortController();
    setBusy(true);
    setError(undefined);
    fetchAudit(filter, null, ac.signal)
      .then((p) => {
        setItems(p.items);
        setNext(p.next);
      })
      .catch((e: Error) => {
        if (!ac.signal.aborted) setError(e.message);
      })
      .finally(() => setBusy(false));
    return () => ac.abort();
  }, [filter]);

  async function more() {
    setBusy(true);
    try {
      const p = await fetchAudit(filter, next);
      setItems((old) => [...old, ...p.items]);
      setNext(p.next);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h2>Nhật ký kiểm toán</h2>
      <p className="hint">
        Mọi thao tác ghi và mọi lần xem dữ liệu cá nhân, mới nhất trước. Tính toàn vẹn của nhật ký được kiểm tra bằng lệnh <code>hotich audit verify</code>.
      </p>
      <Filters value={filter} units={units} onApply={setFilter} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table aria-label="Nhật ký kiểm toán">
        <thead>
          <tr>
            <th>Thời điểm</th>
            <th>Người thực hiện</th>
            <th>Việc</th>
            <th>Đối tượng</th>
            <th>Quyển sổ</th>
            <th>{filter.log === 'access' ? 'Từ địa chỉ' : 'Lý do'}</th>
            <th>Số thứ tự</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <Row key={`${i.table}-${i.id}`} item={i} />
          ))}
        </tbody>
      </table>
      {!busy && items.length === 0 && !error && <p>Không có dòng nào khớp bộ lọc.</p>}
      {busy && <p role="status">Đang tải…</p>}
      {next && !busy && (
        <p>
          <button type="button" onClick={() => void more()}>
            Xem thêm
          </button>
        </p>
      )}
    </section>
  );
}
