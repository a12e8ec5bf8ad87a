/**
 * "Điều chỉnh gói và lịch sử": a package's deadlines and responsible persons
 * changed on the web, by decision — the reason is required and every change
 * becomes an action with who and why (PUT /api/plans/packages/:id with the
 * version read: a stale version is refused); below, the package's history
 * (GET …/history: created, changed, removed, by whom, when, why).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, getJson, sendJson } from '../shared/index.js';
import type { PackageView, PlanChange } from './plans.api.js';
import { viDate } from './plans.api.js';

const KIND_LABELS: Record<string, string> = { created: 'Lập gói', changed: 'Điều chỉnh', removed: 'Bỏ gói' };
const when = (iso: string) => `${new Date(iso).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' })} ${viDate(iso.slice(0, 10))}`;

function History({ packageId, reloadKey }: { packageId: string; reloadKey: number }) {
  const [changes, setChanges] = useState<PlanChange[]>();
  useEffect(() => void getJson<PlanChange[]>(`/api/plans/packages/${packageId}/history`).then(setChanges, () => setChanges([])), [packageId, reloadKey]);
  if (!changes) return <p>Đang tải lịch sử…</p>;
  return (
    <ol className="plan-history" aria-label="Lịch sử thay đổi gói">
      {changes.map((c, i) => (
        <li key={i}>
          {when(c.at)} — <strong>{KIND_LABELS[c.kind] ?? c.kind}</strong> — {c.actorName ?? 'hệ thống'}
          {c.reason && <> — lý do: “{c.reason}”</>}
        </li>
      ))}
    </ol>
  );
}

function inputOf(pkg: PackageView, form: FormData) {
  return {
    unitId: pkg.unitId,
    registerTypes: pkg.registerTypes,
    yearFrom: pkg.yearFrom,
    yearTo: pkg.yearTo,
    estimates: pkg.estimates,
    note: pkg.note,
    stages: pkg.stages.map((s) => ({
      stage: s.stage,
      deadline: String(form.get(`deadline-${s.stage}`) ?? '') || null,
      organizationId: s.organizationId,
      person: String(form.get(`person-${s.stage}`) ?? ''),
      unitPrice: s.unitPrice,
    })),
    version: pkg.version,
    reason: String(form.get('reason') ?? ''),
  };
}

export function PackageEditor({ pkg, canManage, onSaved }: { pkg: PackageView; canManage: boolean; onSaved: () => void }) {
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    setBusy(true);
    try {
      await sendJson('PUT', `/api/plans/packages/${pkg.id}`, inputOf(pkg, new FormData(e.currentTarget)));
      setSaved(true);
      setReloadKey((k) => k + 1);
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 409 ? 'Gói đã được người khác điều chỉnh; hãy tải lại trang rồi sửa lại.' : (err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <details className="package-editor">
      <summary>{canManage ? 'Điều chỉnh gói và lịch sử thay đổi' : 'Lịch sử thay đổi'}</summary>
      {canManage && (
        <form onSubmit={(e) => void submit(e)} aria-label={`Điều chỉnh gói ${pkg.id}`} key={pkg.version}>
          <table>
            <thead>
              <tr>
                <th>Công đoạn</th>
                <th>Thời hạn</th>
                <th>Người chịu trách nhiệm</th>
              </tr>
            </thead>
            <tbody>
              {pkg.stages.map((s) => (
                <tr key={s.stage}>
                  <th scope="row">{s.label}</th>
                  <td>
                    <input type="date" name={`deadline-${s.stage}`} defaultValue={s.deadline ?? ''} aria-label={`Thời hạn — ${s.label}`} />
                  </td>
                  <td>
                    <input name={`person-${s.stage}`} defaultValue={s.person} maxLength={200} aria-label={`Người chịu trách nhiệm — ${s.label}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <label>
            Lý do điều chỉnh (căn cứ quyết định) <input name="reason" required minLength={3} maxLength={1000} />
          </label>{' '}
          <button type="submit" disabled={busy}>
            {busy ? 'Đang lưu…' : 'Lưu điều chỉnh'}
          </button>
          {saved && <p role="status">Đã lưu điều chỉnh gói.</p>}
          {error && <p role="alert">{error}</p>}
        </form>
      )}
      <History packageId={pkg.id} reloadKey={reloadKey} />
    </details>
  );
}
