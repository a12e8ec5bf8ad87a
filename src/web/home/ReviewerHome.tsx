/**
 * The reviewer's home: her two queues — the differences between two keying
 * passes waiting for arbitration (those she did not key herself), the
 * acceptance lots still being sampled with how much of each sample is
 * checked — and the registrations waiting for a peer check.
 */
import { getLot, listLots, nextArbitration, viNumber, type LotView } from './home.api.js';
import { AwaitingCheck, HomeHead, Tile, useHome, useLoad } from './parts.js';

async function openLots(signal: AbortSignal): Promise<LotView[]> {
  const lots = (await listLots(signal)).filter((l) => l.status === 'sampling');
  return Promise.all(lots.map((l) => getLot(l.id, signal)));
}

function Sampling() {
  const lots = useLoad(openLots);
  return (
    <section className="card" aria-labelledby="sampling-h">
      <h3 id="sampling-h">Lô nghiệm thu đang kiểm tra mẫu ({lots.value ? viNumber(lots.value.length) : '…'})</h3>
      {lots.error && <p role="alert">{lots.error}</p>}
      {lots.value?.length === 0 && <p className="hint">Không có lô nào đang chờ kiểm tra mẫu.</p>}
      {lots.value && lots.value.length > 0 && (
        <table aria-label="Lô nghiệm thu đang kiểm tra mẫu">
          <thead>
            <tr>
              <th>Lô</th>
              <th className="num">Đã kiểm tra</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lots.value.map((l) => (
              <tr key={l.id} data-testid="sampling-lot">
                <td>
                  <a href={`#/qc/lots/${l.id}`}>{l.scope.books.map((b) => b.label).join('; ')}</a>
                </td>
                <td className="num">
                  {viNumber(l.progress.checked)} / {viNumber(l.progress.sampled)}
                </td>
                <td>{l.progress.checked < l.progress.sampled && <a href={`#/qc/lots/${l.id}/review`}>Kiểm tra mẫu tiếp</a>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default function ReviewerHome() {
  const home = useHome();
  const arbitration = useLoad(nextArbitration);
  return (
    <section className="home">
      <HomeHead title="Việc kiểm tra của tôi" home={home.value} />
      {(home.error ?? arbitration.error) && <p role="alert">{home.error ?? arbitration.error}</p>}
      <div className="tiles">
        <Tile label="điểm khác biệt chờ trọng tài" value={arbitration.value ? viNumber(arbitration.value.remaining) : '…'} testId="arbitration-remaining">
          {arbitration.value && arbitration.value.remaining > 0 && <a href="#/qc/arbitration">Mở hàng chờ trọng tài</a>}
        </Tile>
      </div>
      <Sampling />
      {home.value?.review && <AwaitingCheck review={home.value.review} title="Chờ kiểm tra chéo" />}
    </section>
  );
}
