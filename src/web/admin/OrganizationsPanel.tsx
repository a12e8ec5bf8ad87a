/** "Tổ chức": the agencies users work for (Sở Tư pháp, UBND xã, contractors…), and the form to add one. */
import { useState, type FormEvent } from 'react';
import { createOrganization, type OrganizationKind, type OrganizationView } from './admin.api.js';
import { ORGANIZATION_KIND_LABELS, ORGANIZATION_KINDS } from './labels.js';

export function OrganizationsPanel({ organizations, userCounts, onChanged }: { organizations: OrganizationView[]; userCounts: Map<string, number>; onChanged(): void }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    try {
      const org = await createOrganization(String(f.get('name') ?? ''), String(f.get('kind')) as OrganizationKind);
      setMessage({ ok: true, text: `Đã thêm tổ chức "${org.name}" (${org.kindLabel}).` });
      form.reset();
      onChanged();
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  }
  return (
    <section aria-labelledby="orgs-title" className="admin-panel">
      <h3 id="orgs-title">Tổ chức</h3>
      <form className="inline-form" aria-label="Thêm tổ chức" onSubmit={(e) => void add(e)}>
        <label>
          Tên tổ chức <input name="name" required minLength={2} maxLength={200} size={36} />
        </label>
        <label>
          Loại{' '}
          <select name="kind" defaultValue="contractor">
            {ORGANIZATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {ORGANIZATION_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Thêm tổ chức</button>
      </form>
      {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
      {organizations.length === 0 ? (
        <p className="hint">Chưa có tổ chức nào.</p>
      ) : (
        <table aria-label="Danh sách tổ chức">
          <thead>
            <tr>
              <th>Tên</th>
              <th>Loại</th>
              <th className="num">Người dùng</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((o) => (
              <tr key={o.id}>
                <td>{o.name}</td>
                <td>{o.kindLabel}</td>
                <td className="num">{userCounts.get(o.id) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
