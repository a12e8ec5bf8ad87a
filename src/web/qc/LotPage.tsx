/**
 * Lot screen (#/qc/lots/:id): plan, sample (seed), progress, field error rates
 * with 95 % Clopper–Pearson intervals (Wilson shown), both decision rules and
 * the one that decides, the decision buttons (qc.accept only) and report
 * downloads; the link to check the sample shows to records.review holders.
 */
import { useEffect, useState } from 'react';
import { can, type SignedInUser } from '../auth/index.js';
import { decideLot, getLot, listSample, pct, type LotView, type SampleItem } from './acceptance.api.js';
import './acceptance.css';

type Group = LotView['findings']['critical'];

function GroupRow({ name, g }: { name: string; g: Group }) {
  return (
    <tr>
      <td>{name}</td>
      <td>
        {g.errors}/{g.units}
      </td>
      <td>{pct(g.rate)}</td>
      <td>
        [{pct(g.interval.lower)}; {pct(g.interval.upper)}]
      </td>
      <td>
        {pct(g.upper)} {g.units > 0 && (g.meetsTarget ? '≤' : '>')} {pct(g.maxErrorRate)}
      </td>
      <td>
        [{pct(g.wilson.lower)}; {pct(g.wilson.upper)}]
      </td>
    </tr>
  );
}

const verdict = (v: string) => <span className={`qc-verdict-${v}`}>{v === 'accept' ? 'ĐẠT' : 'KHÔNG ĐẠT'}</span>;

function planText(p: LotView['plan']): string {
  if (p.kind === 'iso2859')
    return `ISO 2859-1, mức ${p.level}, AQL ${p.aql} % bản ghi, chế độ ${p.severity}, chữ mã ${p.codeLetter}${p.planLetter !== p.codeLetter ? ` → ${p.planLetter}` : ''}, n = ${p.sampleSize}, Ac/Re = ${p.ac}/${p.re}${p.fullInspection ? ' (kiểm tra 100 %)' : ''}`;
  return `Cận trên Clopper–Pearson 95 %: cần ${p.fieldsNeeded.critical} trường trọng yếu và ${p.fieldsNeeded.other} trường khác, khoảng ${p.sampleSize} bản ghi${p.fullInspection ? ' (kiểm tra 100 %)' : ''}`;
}

function Decision({ lot, canDecide, onDecided }: { lot: LotView; canDecide: boolean; onDecided: (l: LotView) => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const d = lot.proposed;
  if (lot.status !== 'sampling')
    return (
      <p>
        Đã quyết định: {verdict(lot.status === 'accepted' ? 'accept' : 'reject')} — {lot.decidedByName} lúc {new Date(lot.decidedAt!).toLocaleString('vi-VN')}
      </p>
    );
  if (!d)
    return (
      <p>
        Chưa kiểm tra hết mẫu ({lot.progress.checked}/{lot.progress.sampled}).
      </p>
    );
  const decide = () => decideLot(lot.id, d.verdict, note).then(onDecided, (e: Error) => setError(e.message));
  return (
    <div>
      <p>Kết quả theo quy tắc của phương án: {verdict(d.verdict)}</p>
      {canDecide && (
        <>
          <label>
            Ghi chú <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>{' '}
          <button onClick={() => void decide()}>{d.verdict === 'accept' ? 'Nghiệm thu: ĐẠT' : 'Nghiệm thu: KHÔNG ĐẠT — trả lô'}</button>
          {error && <p role="alert">{error}</p>}
        </>
      )}
    </div>
  );
}

export function LotPage({ id, user }: { id: string; user: SignedInUser }) {
  const [lot, setLot] = useState<LotView>();
  const [sample, setSample] = useState<SampleItem[]>([]);
  const [error, setError] = useState('');
  const reviewer = can(user, 'records.review');
  useEffect(() => {
    getLot(id).then(setLot, (e: Error) => setError(e.message));
    // The sample list is the checker's (records.review): only she gets the link to check it.
    if (reviewer) listSample(id).then(setSample, () => undefined);
  }, [id, reviewer]);
  if (!lot) return <p role={error ? 'alert' : undefined}>{error || 'Đang tải lô…'}</p>;
  const f = lot.findings;
  const firstUnchecked = sample.find((s) => !s.checked) ?? sample[0];
  const d = lot.proposed;
  return (
    <section className="qc-lot">
      <h2>Lô nghiệm thu — {lot.scope.books.map((b) => b.label).join('; ')}</h2>
      <dl>
        <dt>Phương án</dt>
        <dd>{planText(lot.plan)}</dd>
        <dt>Chỉ tiêu</dt>
        <dd>
          trọng yếu ≥ {pct(lot.targets.critical, 1)}, khác ≥ {pct(lot.targets.other, 1)}
        </dd>
        <dt>Lô / mẫu</dt>
        <dd>
          N = {lot.lotSize}; hạt giống <code data-testid="seed">{lot.seed}</code> ({lot.sampler})
        </dd>
        <dt>Tiến độ</dt>
        <dd data-testid="progress">
          {lot.progress.checked}/{lot.progress.sampled} bản ghi đã kiểm tra
        </dd>
      </dl>
      {firstUnchecked && lot.status === 'sampling' && can(user, 'records.review') && (
        <p>
          <a href={`#/qc/lots/${lot.id}/review/${firstUnchecked.recordId}`}>Kiểm tra mẫu</a>
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>Nhóm trường</th>
            <th>Sai/kiểm tra</th>
            <th>Tỉ lệ lỗi</th>
            <th>KTC 95 % (Clopper–Pearson)</th>
            <th>Cận trên 95 % / tối đa</th>
            <th>Wilson (tham khảo)</th>
          </tr>
        </thead>
        <tbody>
          <GroupRow name="Trọng yếu" g={f.critical} />
          <GroupRow name="Khác" g={f.other} />
        </tbody>
      </table>
      <p>
        Bản ghi không phù hợp (trường trọng yếu sai): {f.nonconformingRecords.errors}/{f.nonconformingRecords.units}.
      </p>
      {d && (
        <p>
          Theo Ac/Re:{' '}
          {d.isoVerdict ? (
            <>
              {verdict(d.isoVerdict.verdict)} ({d.isoVerdict.nonconforming} / Ac {d.isoVerdict.ac} / Re {d.isoVerdict.re})
            </>
          ) : (
            'không áp dụng'
          )}{' '}
          · Theo cận trên Clopper–Pearson: {verdict(d.confidenceVerdict.verdict)} · Quy tắc quyết định: {d.decidedBy === 'ac_re' ? 'Ac/Re (ISO 2859-1)' : 'Clopper–Pearson'}
        </p>
      )}
      <Decision lot={lot} canDecide={can(user, 'qc.accept')} onDecided={setLot} />
      {f.errors.length > 0 && (
        <>
          <h2>Lỗi phát hiện ({f.errors.length})</h2>
          <ul>
            {f.errors.map((e) => (
              <li key={`${e.recordId}-${e.fieldKey}`}>
                {e.fieldKey}: “{e.keyedValue}” → “{e.correctValue}”
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={`/api/qc/lots/${lot.id}/report.pdf`}>Tải biên bản (PDF)</a> · <a href={`/api/qc/lots/${lot.id}/report.xlsx`}>Tải biên bản (Excel)</a>
      </p>
    </section>
  );
}
