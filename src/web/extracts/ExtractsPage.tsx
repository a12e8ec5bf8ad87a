/**
 * "Bản sao trích lục" (#/extracts): the citizens' requests (new request with
 * its due time and fee, refusal with a reason, issuing from a found record)
 * and the issuance log of an authority for a period as xlsx.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { createRequest, listRequests, logUrl, refuseRequest, type RequestItem } from './extracts.api.js';

const STATUS: Record<string, string> = { received: 'Đã tiếp nhận', found: 'Đã tìm thấy bản ghi', issued: 'Đã cấp', refused: 'Từ chối' };
const when = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
const money = (n: number) => `${n.toLocaleString('vi-VN')} đ`;

function NewRequest({ onCreated }: { onCreated(): void }) {
  const [error, setError] = useState('');
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    try {
      await createRequest({
        issuingUnitId: text('unit'),
        requesterName: text('name'),
        requesterIdType: text('idType'),
        requesterIdNo: text('idNo'),
        relation: text('relation'),
        copies: Number(text('copies') || '1'),
        feeExemption: text('exemption'),
        ...(text('recordId') ? { recordId: text('recordId') } : {}),
      });
      form.reset();
      setError('');
      onCreated();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-label="Tiếp nhận yêu cầu">
      <label>
        Cơ quan tiếp nhận (mã đơn vị) <input name="unit" required />
      </label>
      <label>
        Họ tên người yêu cầu <input name="name" required />
      </label>
      <label>
        Loại giấy tờ tùy thân <input name="idType" placeholder="CCCD" />
      </label>
      <label>
        Số giấy tờ <input name="idNo" />
      </label>
      <label>
        Quan hệ với người được cấp <input name="relation" placeholder="Bản thân" />
      </label>
      <label>
        Mã bản ghi (nếu đã tìm thấy) <input name="recordId" />
      </label>
      <label>
        Số bản sao <input name="copies" type="number" min={1} max={50} defaultValue={1} />
      </label>
      <label>
        Miễn phí (lý do, nếu có) <input name="exemption" />
      </label>
      <button type="submit">Tiếp nhận</button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

function RequestRow({ r, onChanged }: { r: RequestItem; onChanged(): void }) {
  async function refuse() {
    const reason = prompt('Lý do từ chối:')?.trim();
    if (reason) await refuseRequest(r.id, reason).then(onChanged, (e: Error) => alert(e.message));
  }
  const open = r.status === 'received' || r.status === 'found';
  return (
    <tr>
      <td>{r.requesterName}</td>
      <td>{when(r.receivedAt)}</td>
      <td>{when(r.dueAt)}</td>
      <td className="num">{r.copies}</td>
      <td className="num">{money(r.fee)}</td>
      <td>
        {STATUS[r.status] ?? r.status}
        {r.refusalReason && `: ${r.refusalReason}`}
      </td>
      <td>
        {open && r.recordId && <a href={`#/extracts/record/${r.recordId}?request=${r.id}`}>Cấp bản sao</a>}
        {open && (
          <>
            {' '}
            ·{' '}
            <button className="link" onClick={() => void refuse()}>
              Từ chối
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

function LogForm() {
  const [url, setUrl] = useState('');
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setUrl(logUrl(String(f.get('unit')), String(f.get('from')), String(f.get('to'))));
  }
  return (
    <form className="row" onSubmit={submit} aria-label="Sổ cấp bản sao">
      <label>
        Mã đơn vị <input name="unit" required />
      </label>
      <label>
        Từ ngày <input name="from" type="date" required />
      </label>
      <label>
        Đến ngày <input name="to" type="date" required />
      </label>
      <button type="submit">Lập sổ</button>
      {url && <a href={url}>Tải Sổ cấp bản sao (.xlsx)</a>}
    </form>
  );
}

export function ExtractsPage() {
  const [requests, setRequests] = useState<RequestItem[]>([]);
  const reload = () => void listRequests().then(setRequests, () => setRequests([]));
  useEffect(reload, []);
  return (
    <section>
      <h2>Bản sao trích lục hộ tịch</h2>
      <h3>Yêu cầu cấp bản sao</h3>
      <NewRequest onCreated={reload} />
      {requests.length === 0 ? (
        <p>Chưa có yêu cầu nào.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Người yêu cầu</th>
              <th>Tiếp nhận</th>
              <th>Hẹn trả</th>
              <th>Số bản</th>
              <th>Lệ phí</th>
              <th>Tình trạng</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <RequestRow key={r.id} r={r} onChanged={reload} />
            ))}
          </tbody>
        </table>
      )}
      <h3>Sổ cấp bản sao trích lục</h3>
      <LogForm />
    </section>
  );
}
