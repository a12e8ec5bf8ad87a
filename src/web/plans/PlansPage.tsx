/**
 * "Kế hoạch số hóa" (#/plans?campaign=&unit=): the campaign dashboard. The
 * unit shown (the campaign's unit, usually the province, when none is
 * chosen) with its stage bars and burn-up chart, the units one level below
 * to drill into (breadcrumbs lead back up), the reminders, the late/at-risk
 * list, the comparison with the population database for the unit and those
 * below it, at a commune the packages themselves (each with its history, and a
 * form to change its deadlines by decision), the progress report to
 * download and the plan's xlsx files. Every figure comes from the server.
 */
import { useCallback, useEffect, useState } from 'react';
import { Breadcrumbs, chainOf } from './Breadcrumbs.js';
import { BurnupChart } from './BurnupChart.js';
import { LateList } from './LateList.js';
import { PackageEditor } from './PackageEditor.js';
import { PlanFiles } from './PlanFiles.js';
import { PopdbProgress } from './PopdbProgress.js';
import { parsePlanHash, planHash } from './plan-hash.js';
import {
  downloadUrl,
  getBurnup,
  getProgress,
  listCampaigns,
  makeReport,
  STATUS_LABELS,
  viDate,
  viNumber,
  type BurnupSeries,
  type CampaignView,
  type ProgressView,
  type ReportProgress,
} from './plans.api.js';
import { RemindersPanel } from './RemindersPanel.js';
import { KeyersTable } from './KeyersTable.js';
import { StageBars } from './StageBars.js';
import { UnitGrid } from './UnitGrid.js';
import './plans.css';

interface Loaded {
  progress: ProgressView;
  burnup: { today: string; series: BurnupSeries[] };
}

/** The progress report as xlsx or PDF: made by a background job (its progress shown), then downloaded. */
function ReportLinks({ campaignId, unitId }: { campaignId: string; unitId: string | undefined }) {
  const [period, setPeriod] = useState<'week' | 'month'>('week');
  const [making, setMaking] = useState<{ format: 'xlsx' | 'pdf'; progress?: ReportProgress }>();
  const [error, setError] = useState<string>();
  const make = (format: 'xlsx' | 'pdf') => {
    setError(undefined);
    setMaking({ format });
    makeReport(format, { campaignId, unitId, period }, (progress) => setMaking({ format, progress }))
      .then(downloadUrl, (e: Error) => setError(e.message))
      .finally(() => setMaking(undefined));
  };
  return (
    <div className="report-links" role="group" aria-label="Báo cáo tiến độ">
      <label className="inline-label">
        Báo cáo tiến độ theo{' '}
        <select value={period} onChange={(e) => setPeriod(e.target.value as 'week' | 'month')}>
          <option value="week">tuần</option>
          <option value="month">tháng</option>
        </select>
      </label>
      {(['xlsx', 'pdf'] as const).map((format) => (
        <button key={format} type="button" className="file-button" disabled={making !== undefined} onClick={() => make(format)}>
          Tải báo cáo (.{format})
        </button>
      ))}
      {making && (
        <span role="status" className="hint">
          Đang tạo báo cáo .{making.format}
          {making.progress?.phase === 'writing' ? ` (đang ghi ${making.progress.rows} dòng)` : '…'}
        </span>
      )}
      {error && <span role="alert">{error}</span>}
    </div>
  );
}

/** Fields keyed against the plan, and the cost to date (done × unit price) against the budget (plan × unit price). */
function Totals({ rollup }: { rollup: ProgressView['total'] }) {
  return (
    <p className="totals" data-testid="plan-totals">
      {rollup.packages} gói công việc · Trường nhập liệu: {viNumber(rollup.fields.done)} / {viNumber(rollup.fields.planned)}
      {rollup.cost.budget > 0 && (
        <>
          {' '}
          · Kinh phí đã thực hiện: {viNumber(Math.round(rollup.cost.toDate))} / dự toán {viNumber(Math.round(rollup.cost.budget))} đồng
        </>
      )}
    </p>
  );
}

function useDashboard(campaignId: string | undefined, unitId: string | undefined, reloadKey: number) {
  const [data, setData] = useState<Loaded>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!campaignId) return;
    const ac = new AbortController();
    setError(undefined);
    Promise.all([getProgress(campaignId, unitId, ac.signal), getBurnup(campaignId, unitId, ac.signal)]).then(
      ([progress, burnup]) => setData({ progress, burnup }),
      (e: Error) => {
        if (!ac.signal.aborted) setError(e.message);
      },
    );
    return () => ac.abort();
  }, [campaignId, unitId, reloadKey]);
  return { data: data && data.progress.campaignId === campaignId && data.progress.unitId === (unitId ?? null) ? data : undefined, error };
}

export function PlansPage({ hash, canManage }: { hash: string; canManage: boolean }) {
  const place = parsePlanHash(hash);
  const [campaigns, setCampaigns] = useState<CampaignView[]>();
  const [error, setError] = useState<string>();
  const [reloadKey, setReloadKey] = useState(0);
  useEffect(() => void listCampaigns().then(setCampaigns, (e: Error) => setError(e.message)), []);
  const campaign = campaigns?.find((c) => c.id === place.campaignId) ?? campaigns?.[0];
  const unitId = place.unitId ?? campaign?.unitId ?? undefined;
  const { data, error: loadError } = useDashboard(campaign?.id, unitId, reloadKey);
  const go = useCallback(
    (unit: string | undefined) => {
      location.hash = planHash({ campaignId: campaign?.id, unitId: unit });
    },
    [campaign?.id],
  );

  if (error) return <p role="alert">{error}</p>;
  if (!campaigns) return <p>Đang tải…</p>;
  if (!campaign)
    return (
      <section>
        <h2>Kế hoạch số hóa</h2>
        <p>Chưa có kế hoạch số hóa nào trong phạm vi của bạn.</p>
      </section>
    );
  const p = data?.progress;
  const chain = p ? chainOf(p.units, unitId) : [];
  const children = p ? p.units.filter((u) => (unitId ? u.parentId === unitId : !p.units.some((x) => x.id === u.parentId))) : [];
  const shownStages = p ? p.total.stages.filter((s) => s.total > 0).map((s) => s.stage) : [];
  return (
    <section className="plans">
      <div className="plans-head">
        <h2>Kế hoạch số hóa</h2>
        {campaigns.length > 1 && (
          <label className="inline-label">
            Kế hoạch{' '}
            <select
              value={campaign.id}
              onChange={(e) => {
                location.hash = planHash({ campaignId: e.target.value });
              }}
            >
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <ReportLinks campaignId={campaign.id} unitId={unitId} />
      </div>
      <p className="hint">
        {campaign.name}
        {campaign.docRef && ` — ${campaign.docRef}`}
        {campaign.issuedOn && `, ban hành ngày ${viDate(campaign.issuedOn)}`}
        {p && ` · số liệu đến ngày ${viDate(p.today)}`}
      </p>
      <Breadcrumbs campaignName={campaign.name} chain={chain} onOpen={go} />
      {loadError && <p role="alert">{loadError}</p>}
      {!p || !data ? (
        <p>Đang tải tiến độ…</p>
      ) : (
        <>
          <h3 className="focus-title">
            {p.total.name} <span className={`status-badge ${p.total.status}`}>{STATUS_LABELS[p.total.status]}</span>
            {p.total.delayDays > 0 && <span className="hint"> · chậm {p.total.delayDays} ngày</span>}
          </h3>
          <Totals rollup={p.total} />
          <StageBars stages={p.total.stages} label={`Các công đoạn — ${p.total.name}`} />
          <div className="plans-overview">
            <BurnupChart key={`${campaign.id}|${unitId ?? ''}`} series={data.burnup.series} today={data.burnup.today} />
            <RemindersPanel campaignId={campaign.id} reloadKey={reloadKey} packageIds={p.total.packageIds} canManage={canManage} />
          </div>
          {children.length > 0 && (
            <section aria-labelledby="units-h">
              <h3 id="units-h">Theo đơn vị trực thuộc</h3>
              <UnitGrid units={children} stages={shownStages} onOpen={go} />
            </section>
          )}
          <PopdbProgress unitId={unitId} reloadKey={reloadKey} />
          <LateList packages={p.packages} />
          <KeyersTable reloadKey={reloadKey} />
          {children.length === 0 &&
            p.packages.map((pkg) => (
              <section key={pkg.package.id} className="package" aria-label={`Gói công việc ${pkg.unitName}`}>
                <h3>
                  Gói công việc: {pkg.unitName} — sổ {pkg.package.registerTypes.join(', ')}, năm {pkg.package.yearFrom}–{pkg.package.yearTo}
                </h3>
                {pkg.package.note && <p className="hint">{pkg.package.note}</p>}
                <StageBars stages={pkg.stages} label={`Các công đoạn — gói ${pkg.unitName}`} />
                <PackageEditor pkg={pkg.package} canManage={canManage} onSaved={() => setReloadKey((k) => k + 1)} />
              </section>
            ))}
        </>
      )}
      <PlanFiles campaignId={campaign.id} canManage={canManage} onImported={() => setReloadKey((k) => k + 1)} />
    </section>
  );
}
