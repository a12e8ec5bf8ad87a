/**
 * One difference with the population database (#/popdb/conflicts/<id>): the
 * page image of the registration on the left; on the right, field by field,
 * the value keyed now (the book's, as read), the book's value when the file
 * was imported and the population database's value. The officer checks the
 * image and either keeps the book's value ("Giữ giá trị theo sổ") or, when
 * the keying was wrong, types the value read from the book and corrects the
 * record (a reason is required; the change goes through the record's action
 * log). The population value is shown, never copied into the record.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { newTxId } from '../shared/index.js';
import { decide, getConflict, type ConflictView } from './popdb.api.js';

function Fields({ view }: { view: ConflictView }) {
  return (
    <table aria-label="So sánh sổ và CSDL dân cư">
      <thead>
        <tr>
          <th>Thông tin</th>
          <th>Đang nhập (theo sổ)</th>
          <th>Trong CSDL dân cư</th>
        </tr>
      </thead>
      <tbody>
        {view.fields.map((f) => (
          <tr key={f.key} className={f.differs ? 'popdb-differs' : undefined} data-testid={`popdb-field-${f.key}`}>
            <td>{f.label}</td>
            <td>{f.keyed || '—'}</td>
            <td>{f.population || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Decided({ view }: { view: ConflictView }) {
  const d = view.decision!;
  return (
    <p role="status" data-testid="popdb-decision">
      Đã quyết định: {d.label}
      {d.note ? ` — ${d.note}` : ''} ({new Date(d.decidedAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}).
    </p>
  );
}

function CorrectForm({ view, onDone, onError }: { view: ConflictView; onDone: (v: ConflictView) => void; onError: (m: string) => void }) {
  const differing = view.fields.filter((f) => f.differs);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const values = Object.fromEntries(differing.map((x) => [x.key, String(f.get(`value-${x.key}`) ?? '')]));
    const body = {
      decision: 'record_corrected' as const,
      values,
      reason: String(f.get('reason') ?? ''),
      note: String(f.get('note') ?? ''),
      expectedVersion: view.recordVersion,
      clientTxId: newTxId(),
    };
    await decide(view.id, body).then(onDone, (err: Error) => onError(err.message));
  }
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Sửa bản ghi theo sổ">
      <p className="hint">Chỉ khi đã nhập sai: ghi lại đúng như trong sổ (không chép giá trị của CSDL dân cư nếu sổ không ghi như vậy).</p>
      {differing.map((x) => (
        <label key={x.key}>
          {x.label} (đọc từ sổ) <input name={`value-${x.key}`} defaultValue={x.keyed} />
        </label>
      ))}
      <label>
        Lý do sửa <input name="reason" required />
      </label>
      <label>
        Ghi chú <input name="note" />
      </label>
      <button type="submit">Sửa bản ghi theo sổ</button>
    </form>
  );
}

export function ConflictPage({ id, canDecide }: { id: string; canDecide: boolean }) {
  const [view, setView] = useState<ConflictView>();
  const [error, setError] = useState<string>();
  const [correcting, setCorrecting] = useState(false);
  const [note, setNote] = useState('');
  useEffect(() => void getConflict(id).then(setView, (e: Error) => setError(e.message)), [id]);
  if (!view) return error ? <p role="alert">{error}</p> : <p>Đang tải…</p>;
  const keepBook = () => void decide(view.id, { decision: 'book_confirmed', note }).then(setView, (e: Error) => setError(e.message));
  return (
    <section className="popdb-conflict">
      <p>
        <a href="#/popdb">← Đối chiếu CSDL dân cư</a>
      </p>
      <h2>
        {view.classLabel}: quyển {view.book.volumeNo} ({view.book.year}), {view.book.authority}
      </h2>
      <div className="popdb-side-by-side">
        <div className="popdb-image">
          {view.imageUrls.map((url, i) => (
            <img key={url} src={url} alt={`Trang sổ ${i + 1} của việc đăng ký`} />
          ))}
          {view.imageUrls.length === 0 && <p>Việc đăng ký này chưa có ảnh trang sổ.</p>}
        </div>
        <div>
          {view.conflict && <p role="note">{view.conflict.message}.</p>}
          <Fields view={view} />
          {view.popNote && <p>Ghi chú của cơ quan dân cư: {view.popNote}</p>}
          {view.changedSinceImport && <p className="hint">Bản ghi đã được sửa sau khi nhập tệp kết quả: cột "Đang nhập" là giá trị hiện nay.</p>}
          {error && <p role="alert">{error}</p>}
          {view.decision ? (
            <Decided view={view} />
          ) : canDecide ? (
            <>
              <label>
                Ghi chú <input value={note} onChange={(e) => setNote(e.target.value)} />
              </label>{' '}
              <button onClick={keepBook}>Giữ giá trị theo sổ</button>{' '}
              <button className="link" onClick={() => setCorrecting(!correcting)}>
                Nhập sai? Sửa bản ghi theo sổ…
              </button>
              {correcting && <CorrectForm view={view} onDone={setView} onError={setError} />}
            </>
          ) : (
            <p className="hint">Bạn chỉ được xem; quyết định do công chức tư pháp - hộ tịch thực hiện.</p>
          )}
        </div>
      </div>
    </section>
  );
}
