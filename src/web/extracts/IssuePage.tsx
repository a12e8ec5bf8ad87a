/**
 * "Cấp bản sao" for one registration (#/extracts/record/<id>[?request=<id>]):
 * who signs, for which authority (the book's own by default), how many
 * copies; the copy issued with its number, its PDF and its verification
 * page; the copies already issued from this registration, each revocable
 * with a reason. A refusal (not accepted, errors left) shows the server's
 * reasons as they are.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../shared/index.js';
import { getBook, getRecord, issueCopy, listCopies, revokeCopy, type BookSummary, type CopyItem, type IssuedCopy, type RecordSummary } from './extracts.api.js';

const NAME_KEYS = ['nksHoTen', 'nktHoTen', 'voHoTen', 'chongHoTen', 'cmHoTen', 'ncHoTen'];
const when = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

function CopyRow({ c, onChanged }: { c: CopyItem; onChanged(): void }) {
  const [error, setError] = useState('');
  async function revoke() {
    const reason = prompt(`Lý do thu hồi bản sao số ${c.number}:`)?.trim();
    if (!reason) return;
    try {
      await revokeCopy(c.id, reason);
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  return (
    <tr>
      <td>{c.number}</td>
      <td>{when(c.issuedAt)}</td>
      <td className="num">{c.copies}</td>
      <td>{c.revokedAt ? `Đã thu hồi: ${c.revokeReason ?? ''}` : 'Còn hiệu lực'}</td>
      <td>
        <a href={`/api/extracts/${c.id}/pdf`}>Tải PDF</a> ·{' '}
        <a href={c.verifyUrl} target="_blank" rel="noreferrer">
          Trang kiểm tra
        </a>
        {!c.revokedAt && (
          <>
            {' '}
            ·{' '}
            <button className="link" onClick={() => void revoke()}>
              Thu hồi
            </button>
          </>
        )}
        {error && <span role="alert"> {error}</span>}
      </td>
    </tr>
  );
}

function IssueForm({ defaultUnit, onIssued, recordId, requestId }: { defaultUnit: string; recordId: string; requestId: string; onIssued(c: IssuedCopy): void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState('');
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    setBusy(true);
    setError('');
    try {
      onIssued(
        await issueCopy(
          recordId,
          {
            issuingUnitId: text('unit'),
            signerName: text('signerName'),
            signerTitle: text('signerTitle'),
            place: text('place'),
            copies: Number(text('copies') || '1'),
            ...(requestId ? { requestId } : {}),
          },
          (p) => setStep(p.label),
        ),
      );
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
      setStep('');
    }
  }
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-label="Cấp bản sao">
      {busy && step && (
        <p role="status" className="hint">
          Đang cấp bản sao: {step}…
        </p>
      )}
      <label>
        Cơ quan cấp (mã đơn vị) <input name="unit" defaultValue={defaultUnit} required />
      </label>
      <label>
        Họ tên người ký <input name="signerName" required />
      </label>
      <label>
        Chức vụ người ký <textarea name="signerTitle" rows={2} defaultValue={'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH'} required />
      </label>
      <label>
        Nơi cấp (để trống: tên xã, phường) <input name="place" />
      </label>
      <label>
        Số bản sao <input name="copies" type="number" min={1} max={50} defaultValue={1} />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Đang cấp…' : 'Cấp bản sao'}
      </button>
      {error && (
        <p role="alert" className="error" style={{ whiteSpace: 'pre-line' }}>
          {error}
        </p>
      )}
    </form>
  );
}

export function IssuePage({ recordId, requestId }: { recordId: string; requestId: string }) {
  const [record, setRecord] = useState<RecordSummary | null>();
  const [book, setBook] = useState<BookSummary>();
  const [copies, setCopies] = useState<CopyItem[]>([]);
  const [issued, setIssued] = useState<IssuedCopy>();
  const reload = () => void listCopies({ recordId }).then(setCopies, () => setCopies([]));
  useEffect(() => {
    getRecord(recordId)
      .then((r) => {
        setRecord(r);
        return getBook(r.bookId).then(setBook);
      })
      .catch(() => setRecord(null));
    reload();
  }, [recordId]);
  const name = record ? NAME_KEYS.map((k) => record.values[k]).find(Boolean) : undefined;
  return (
    <section>
      <h2>Cấp bản sao trích lục</h2>
      {record === null && <p>Bản ghi ngoài phạm vi của bạn: chỉ cấp được theo yêu cầu cấp bản sao đã ghi rõ bản ghi này.</p>}
      {record && (
        <p>
          Bản ghi: <strong>{name ?? '—'}</strong> · Số {record.values.so ?? '—'} · {book?.title} · {book?.authorityUnit?.path || book?.authority}
        </p>
      )}
      {issued && (
        <p role="status" className="ok">
          Đã cấp bản sao số <strong>{issued.number}</strong>. <a href={`/api/extracts/${issued.id}/pdf`}>Tải PDF</a> ·{' '}
          <a href={issued.verifyUrl} target="_blank" rel="noreferrer" data-testid="verify-link">
            Trang kiểm tra
          </a>
        </p>
      )}
      <IssueForm
        key={book?.id ?? 'none'}
        defaultUnit={book?.authorityUnit?.id ?? ''}
        recordId={recordId}
        requestId={requestId}
        onIssued={(c) => {
          setIssued(c);
          reload();
        }}
      />
      <h3>Các bản sao đã cấp từ bản ghi này</h3>
      {copies.length === 0 ? (
        <p>Chưa cấp bản sao nào.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Số</th>
              <th>Ngày cấp</th>
              <th>Số bản</th>
              <th>Tình trạng</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {copies.map((c) => (
              <CopyRow key={c.id} c={c} onChanged={reload} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
