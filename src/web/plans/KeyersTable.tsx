/**
 * "Năng suất nhập liệu và độ chính xác": per organization, then per keyer
 * (within the reader's scope), registrations keyed per day and fields keyed
 * per hour of active keying time ("Trường/giờ", sessions from the action
 * log) over the last 7 and 28 days, next to the keyer's QC accuracy with its
 * 95 % interval (all QC sources together, as /api/plans/keyers computes it
 * from src/qc).
 */
import { useEffect, useState } from 'react';
import { getKeyers, viNumber, type KeyerThroughputRow, type OrganizationThroughput } from './plans.api.js';

const pct = (x: number) => `${(x * 100).toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;
const rate = (x: number) => x.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

type PerHour = Pick<KeyerThroughputRow, 'fields7' | 'fields28' | 'activeHours7' | 'activeHours28' | 'fieldsPerHour7' | 'fieldsPerHour28'>;

/** Fields per hour over 7 or 28 days; the fields and hours behind it in the tooltip, "—" without active keying time. */
function FieldsPerHour({ r, days }: { r: PerHour; days: 7 | 28 }) {
  const [value, fields, hours] = days === 7 ? [r.fieldsPerHour7, r.fields7, r.activeHours7] : [r.fieldsPerHour28, r.fields28, r.activeHours28];
  if (value === null)
    return (
      <td className="num" title="Chưa ghi nhận thời gian nhập liệu">
        —
      </td>
    );
  return (
    <td className="num" title={`${viNumber(fields)} trường trong ${rate(hours)} giờ nhập liệu`}>
      {rate(value)}
    </td>
  );
}

function Accuracy({ k }: { k: KeyerThroughputRow }) {
  if (!k.overall) return <span className="hint">chưa có kết quả kiểm tra</span>;
  return (
    <span title={`${viNumber(k.overall.errors)} lỗi / ${viNumber(k.overall.fields)} trường được kiểm tra`}>
      {pct(k.overall.accuracy)}{' '}
      <span className="hint">
        (95 %: {pct(k.overall.lower)} – {pct(k.overall.upper)})
      </span>
    </span>
  );
}

export function KeyersTable({ reloadKey }: { reloadKey: number }) {
  const [data, setData] = useState<{ keyers: KeyerThroughputRow[]; organizations: OrganizationThroughput[] }>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const ac = new AbortController();
    getKeyers(ac.signal).then(
      (r) => {
        setData(r);
        setError(undefined);
      },
      (e: Error) => {
        if (!ac.signal.aborted) setError(e.message);
      },
    );
    return () => ac.abort();
  }, [reloadKey]);
  return (
    <section aria-labelledby="keyers-h">
      <h3 id="keyers-h">Năng suất nhập liệu và độ chính xác</h3>
      {error && <p role="alert">{error}</p>}
      {data?.keyers.length === 0 && <p className="hint">Chưa có bản đăng ký nào được nhập trong 28 ngày qua.</p>}
      {data && data.keyers.length > 0 && (
        <table aria-label="Năng suất nhập liệu theo đơn vị và người nhập" className="stage-table">
          <thead>
            <tr>
              <th>Đơn vị / người nhập</th>
              <th className="num">Bản ghi/ngày (7 ngày)</th>
              <th className="num">Bản ghi/ngày (28 ngày)</th>
              <th className="num">Đã nhập 28 ngày</th>
              <th className="num">Trường/giờ (7 ngày)</th>
              <th className="num">Trường/giờ (28 ngày)</th>
              <th>Độ chính xác (kiểm tra chất lượng)</th>
            </tr>
          </thead>
          <tbody>
            {data.organizations.map((o) => (
              <OrganizationRows key={o.organizationId ?? 'none'} org={o} keyers={data.keyers.filter((k) => k.organizationId === o.organizationId)} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function OrganizationRows({ org, keyers }: { org: OrganizationThroughput; keyers: KeyerThroughputRow[] }) {
  return (
    <>
      <tr className="org-row">
        <th scope="row">
          {org.organizationName} <span className="hint">({org.keyers} người)</span>
        </th>
        <td className="num">{rate(org.perDay7)}</td>
        <td className="num">{rate(org.perDay28)}</td>
        <td className="num">{viNumber(org.keyed28)}</td>
        <FieldsPerHour r={org} days={7} />
        <FieldsPerHour r={org} days={28} />
        <td />
      </tr>
      {keyers.map((k) => (
        <tr key={k.keyerId}>
          <th scope="row" className="indent">
            {k.name}
          </th>
          <td className="num">{rate(k.perDay7)}</td>
          <td className="num">{rate(k.perDay28)}</td>
          <td className="num">{viNumber(k.keyed28)}</td>
          <FieldsPerHour r={k} days={7} />
          <FieldsPerHour r={k} days={28} />
          <td>
            <Accuracy k={k} />
          </td>
        </tr>
      ))}
    </>
  );
}
