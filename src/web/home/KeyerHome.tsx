/**
 * The keyer's home: her queue — the next record to key (one link, the first
 * thing on the page), what she completed today and in 7 days, her drafts,
 * her accuracy as QC measured it, and the books assigned to her.
 */
import { BOOK_STATUS_LABELS } from '../books/index.js';
import { listMyBooks, myAccuracy, overallAccuracy, viNumber, viPercent } from './home.api.js';
import { HomeHead, Tile, useHome, useLoad } from './parts.js';

function MyBooks() {
  const books = useLoad(listMyBooks);
  return (
    <section className="card" aria-labelledby="my-books-h">
      <h3 id="my-books-h">Quyển sổ được giao ({books.value ? viNumber(books.value.length) : '…'})</h3>
      {books.error && <p role="alert">{books.error}</p>}
      {books.value?.length === 0 && <p className="hint">Chưa có quyển sổ nào được giao cho bạn.</p>}
      {books.value && books.value.length > 0 && (
        <table aria-label="Quyển sổ được giao">
          <thead>
            <tr>
              <th>Quyển sổ</th>
              <th>Trạng thái</th>
              <th className="num">Đã nhập</th>
              <th className="num">Đã hoàn thành</th>
            </tr>
          </thead>
          <tbody>
            {books.value.map((b) => (
              <tr key={b.id}>
                <td>
                  <a href={`#/books/${b.id}`}>{b.title}</a> <span className="hint">{b.authority}</span>
                </td>
                <td>{BOOK_STATUS_LABELS[b.status] ?? b.status}</td>
                <td className="num">{viNumber(b.progress?.recordsKeyed ?? 0)}</td>
                <td className="num">{viNumber(b.progress?.recordsCompleted ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Accuracy() {
  const acc = useLoad(myAccuracy);
  const overall = overallAccuracy(acc.value?.[0]);
  if (acc.error) return <p role="alert">{acc.error}</p>;
  return (
    <Tile label="Độ chính xác qua kiểm tra chất lượng" value={!acc.value ? '…' : overall ? viPercent(overall.accuracy) : '—'} testId="my-accuracy">
      <span className="hint">{overall ? `trên ${viNumber(overall.fields)} trường đã kiểm tra` : acc.value ? 'chưa có kết quả kiểm tra' : ''}</span>
    </Tile>
  );
}

export default function KeyerHome() {
  const home = useHome();
  const k = home.value?.keying;
  return (
    <section className="home">
      <HomeHead title="Việc nhập liệu của tôi" home={home.value} />
      {home.error && <p role="alert">{home.error}</p>}
      {!home.value ? (
        !home.error && <p>Đang tải…</p>
      ) : (
        <>
          <div className="next-up card">
            {k?.next ? (
              <a className="primary-link" href={`#/records/${k.next.recordId}`} data-testid="next-record">
                Nhập tiếp: bản ghi tiếp theo trong {k.next.book.title}
              </a>
            ) : (
              <p data-testid="next-record-none">Không còn bản ghi nào đang chờ nhập trong các quyển được giao. Mở một quyển sổ để thêm bản ghi theo trang.</p>
            )}
          </div>
          <div className="tiles">
            <Tile label="bản ghi hoàn thành hôm nay" value={viNumber(k?.keyedToday ?? 0)} testId="keyed-today" />
            <Tile label="bản ghi hoàn thành trong 7 ngày" value={viNumber(k?.keyed7 ?? 0)} testId="keyed-7" />
            <Tile label="bản nháp đang dở" value={viNumber(k?.drafts ?? 0)} testId="my-drafts" />
            <Accuracy />
          </div>
          <MyBooks />
        </>
      )}
    </section>
  );
}
