/** The records keyed in a book (a virtual table), each with its "Nhập liệu" link ("Xem" for users who may not key), and creating a record on a page. */
import { newTxId, RECORD_STATUS_LABELS, sendJson, VirtualTable } from '../shared/index.js';

export interface RecordItem {
  id: string;
  status: 'draft' | 'completed';
  so: string | null;
  name: string | null;
  pageIds: string[];
  errors: number;
  unacknowledgedWarnings: number;
}

/** Creates a record on one page of the book and opens the keying screen on it. */
export async function addRecord(bookId: string, pageId: string): Promise<void> {
  const record = await sendJson<{ id: string }>('POST', `/api/books/${bookId}/records`, { clientTxId: newTxId(), pageIds: [pageId] });
  location.hash = `#/records/${record.id}`;
}

const RecordRow = ({ r, i, pageSeq, canKey }: { r: RecordItem; i: number; pageSeq: (pageId: string) => number | undefined; canKey: boolean }) => (
  <tr key={r.id}>
    <td>{i + 1}</td>
    <td>{r.so ?? ''}</td>
    <td>{r.name ?? ''}</td>
    <td>
      {r.pageIds
        .map(pageSeq)
        .filter((s) => s !== undefined)
        .join(', ')}
    </td>
    <td>{RECORD_STATUS_LABELS[r.status]}</td>
    <td>
      {r.errors > 0 ? `${r.errors} lỗi` : ''}
      {r.unacknowledgedWarnings > 0 ? ` ${r.unacknowledgedWarnings} cảnh báo` : ''}
    </td>
    <td>
      <a href={`#/records/${r.id}`}>{canKey ? 'Nhập liệu' : 'Xem'}</a>
    </td>
  </tr>
);

interface Props {
  total: number;
  at: (index: number) => RecordItem | undefined;
  onRange: (first: number, last: number) => void;
  pageSeq: (pageId: string) => number | undefined;
  canKey: boolean;
}

/** The book's registrations in registration order, scrolled however many there are (rows fetched as they come into view). */
export function BookRecords({ total, at, onRange, pageSeq, canKey }: Props) {
  if (total === 0) return <p className="hint">Chưa có bản ghi nào.{canKey && ' Bấm "Thêm bản ghi" dưới một trang để bắt đầu nhập liệu.'}</p>;
  return (
    <VirtualTable
      label="Các bản ghi"
      columns={7}
      count={total}
      onRange={onRange}
      head={
        <tr>
          <th>#</th>
          <th>Số</th>
          <th>Họ tên</th>
          <th>Trang</th>
          <th>Trạng thái</th>
          <th>Kiểm tra</th>
          <th />
        </tr>
      }
      row={(i) => {
        const r = at(i);
        return r ? <RecordRow key={r.id} r={r} i={i} pageSeq={pageSeq} canKey={canKey} /> : undefined;
      }}
    />
  );
}
