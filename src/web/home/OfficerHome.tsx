/**
 * The officer's home: her commune — its books by stage, the registrations
 * waiting for her check and approval (per book), and the campaign's stages
 * due within 14 days or late for the units she sees (the plans' reminders).
 */
import type { SignedInUser } from '../auth/index.js';
import { getReminders, listCampaigns, STATUS_LABELS, viDate, type OrganizationReminders } from '../plans/index.js';
import { AwaitingCheck, BooksByStage, HomeHead, useHome, useLoad } from './parts.js';

const DUE_DAYS = 14;

async function loadDue(signal: AbortSignal): Promise<{ campaign: string; organizations: OrganizationReminders[] } | null> {
  const campaign = (await listCampaigns())[0];
  if (!campaign) return null;
  const r = await getReminders(campaign.id, DUE_DAYS, signal);
  return { campaign: campaign.name, organizations: r.organizations };
}

function DueList() {
  const due = useLoad(loadDue);
  const items = due.value?.organizations.flatMap((o) => o.items.map((i) => ({ ...i, organization: o.organizationName }))) ?? [];
  return (
    <section className="card" aria-labelledby="due-h">
      <h3 id="due-h">Việc sắp đến hạn và quá hạn</h3>
      {due.error && <p role="alert">{due.error}</p>}
      {due.value === null && <p className="hint">Chưa có kế hoạch số hóa nào trong phạm vi của bạn.</p>}
      {due.value && items.length === 0 && <p className="hint">Không có việc nào đến hạn trong {DUE_DAYS} ngày tới hoặc quá hạn.</p>}
      {items.length > 0 && (
        <ul className="due-list" aria-label="Việc sắp đến hạn và quá hạn">
          {items.map((i) => (
            <li key={`${i.packageId}-${i.stage}`} data-testid="due-item">
              <span className={`status-badge ${i.status}`}>{STATUS_LABELS[i.status]}</span> {i.unitName} — {i.label}: hạn {viDate(i.deadline)}
              {i.daysLeft < 0 ? ` (quá hạn ${-i.daysLeft} ngày)` : ` (còn ${i.daysLeft} ngày)`} · {i.organization}
            </li>
          ))}
        </ul>
      )}
      {due.value && (
        <p>
          <a href="#/plans">Xem kế hoạch “{due.value.campaign}”</a>
        </p>
      )}
    </section>
  );
}

export default function OfficerHome({ user }: { user: SignedInUser }) {
  const home = useHome();
  const h = home.value;
  return (
    <section className="home">
      <HomeHead title={`Trang chủ — ${user.organization?.name ?? 'đơn vị của tôi'}`} home={h} />
      {home.error && <p role="alert">{home.error}</p>}
      {!h ? (
        !home.error && <p>Đang tải…</p>
      ) : (
        <div className="home-grid">
          {h.review && <AwaitingCheck review={h.review} title="Chờ kiểm tra, phê duyệt" />}
          <BooksByStage books={h.books} />
          <DueList />
        </div>
      )}
    </section>
  );
}
