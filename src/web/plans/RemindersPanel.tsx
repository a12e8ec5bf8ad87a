/**
 * "Việc sắp đến hạn và quá hạn": per responsible organization (within the
 * reader's scope) and for the unit shown, the stages due within N days or
 * late, most delayed first. Without an SMTP server it says no e-mail is
 * sent; with one, a planner may send them by e-mail (a job, see plans/reminder-mail.ts).
 */
import { useEffect, useState } from 'react';
import { getReminders, sendReminderMail, STATUS_LABELS, viDate, type OrganizationReminders, type ReminderMailOutcome } from './plans.api.js';

/** `packageIds`: the packages of the unit shown (the reminders of the campaign are narrowed to them). */
export function RemindersPanel({ campaignId, reloadKey, packageIds, canManage = false }: { campaignId: string; reloadKey: number; packageIds: readonly string[]; canManage?: boolean }) {
  const [mail, setMail] = useState<{ configured: boolean; message?: string }>();
  const [days, setDays] = useState(7);
  const [all, setOrgs] = useState<OrganizationReminders[]>();
  const inView = new Set(packageIds);
  const orgs = all?.map((o) => ({ ...o, items: o.items.filter((i) => inView.has(i.packageId)) })).filter((o) => o.items.length > 0);
  const [error, setError] = useState<string>();
  useEffect(() => {
    const ac = new AbortController();
    getReminders(campaignId, days, ac.signal).then(
      (r) => {
        setOrgs(r.organizations);
        setMail(r.mail);
        setError(undefined);
      },
      (e: Error) => {
        if (!ac.signal.aborted) setError(e.message);
      },
    );
    return () => ac.abort();
  }, [campaignId, days, reloadKey]);
  return (
    <section aria-labelledby="reminders-h" className="reminders">
      <h3 id="reminders-h">Việc sắp đến hạn và quá hạn</h3>
      <label className="inline-label">
        Đến hạn trong <input type="number" min={0} max={365} value={days} onChange={(e) => setDays(Math.max(0, Math.min(365, Number(e.target.value) || 0)))} className="w-days" /> ngày
      </label>
      {error && <p role="alert">{error}</p>}
      {mail && !mail.configured && <p className="hint">{mail.message}</p>}
      {mail?.configured && canManage && <MailButton campaignId={campaignId} days={days} />}
      {orgs?.length === 0 && <p className="hint">Không có việc nào đến hạn trong {days} ngày hoặc quá hạn.</p>}
      {orgs?.map((o) => (
        <div key={o.organizationId ?? 'none'}>
          <h4>{o.organizationName}</h4>
          <ul aria-label={`Việc của ${o.organizationName}`} className="reminder-list">
            {o.items.map((i) => (
              <li key={`${i.packageId}-${i.stage}`} className={`status-${i.status}`}>
                <span className={`status-badge ${i.status}`}>{STATUS_LABELS[i.status]}</span> {i.unitName} — {i.label}: hạn {viDate(i.deadline)}
                {i.daysLeft < 0 ? ` (quá hạn ${-i.daysLeft} ngày)` : ` (còn ${i.daysLeft} ngày)`}, đã làm {i.percent === null ? '—' : `${i.percent.toLocaleString('vi-VN')} %`}
                {i.person && ` · ${i.person}`}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function MailButton({ campaignId, days }: { campaignId: string; days: number }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ReminderMailOutcome>();
  const [error, setError] = useState<string>();
  const send = () => {
    setBusy(true);
    setError(undefined);
    sendReminderMail(campaignId, days).then(
      (o) => {
        setOutcome(o);
        setBusy(false);
      },
      (e: Error) => {
        setError(e.message);
        setBusy(false);
      },
    );
  };
  return (
    <div className="reminder-mail">
      <button type="button" onClick={send} disabled={busy}>
        {busy ? 'Đang xếp hàng gửi…' : 'Gửi e-mail nhắc việc'}
      </button>
      {error && <p role="alert">{error}</p>}
      {outcome && (
        <p role="status">
          Đã xếp hàng gửi {outcome.queued.length} thư{outcome.queued.length > 0 && ` (${outcome.queued.map((q) => q.organizationName).join(', ')})`}.
          {outcome.skipped.length > 0 && ` Không gửi được cho: ${outcome.skipped.map((s) => s.organizationName).join(', ')} (chưa có địa chỉ e-mail trong mục người chịu trách nhiệm).`}
        </p>
      )}
    </div>
  );
}
