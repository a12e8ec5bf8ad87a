/**
 * "Thêm người dùng": login, name, role, the password typed twice, her
 * organization and what she may see — every book ("Toàn bộ") or the units
 * chosen (each covers the units within it). Without either she sees nothing
 * until a book is assigned to her.
 */
import { useState, type FormEvent } from 'react';
import { addGrant, createUser, type OrganizationView, type Role, type UnitHit } from './admin.api.js';
import { ROLE_IDS, ROLE_LABELS } from './labels.js';
import { UnitPicker } from './UnitPicker.js';

export function NewUserForm({ organizations, onCreated }: { organizations: OrganizationView[]; onCreated(): void }) {
  const [units, setUnits] = useState<UnitHit[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const text = (k: string) => String(f.get(k) ?? '');
    if (text('password') !== text('password2')) return setMessage({ ok: false, text: 'Hai lần nhập mật khẩu không khớp.' });
    setBusy(true);
    try {
      const user = await createUser({
        login: text('login'),
        displayName: text('displayName'),
        role: text('role') as Role,
        password: text('password'),
        organizationId: text('organizationId') || null,
        units: units.map((u) => u.id),
      });
      if (f.get('all')) await addGrant(user.id, { kind: 'all' });
      const scope = f.get('all') ? 'toàn bộ' : units.length ? units.map((u) => u.name).join(', ') : 'chưa thấy quyển sổ nào';
      setMessage({ ok: true, text: `Đã tạo người dùng "${user.login}" (${user.roleLabel}); phạm vi: ${scope}.` });
      form.reset();
      setUnits([]);
      onCreated();
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }

  const addUnit = (u: UnitHit) => setUnits((old) => (old.some((x) => x.id === u.id) ? old : [...old, u]));
  return (
    <section aria-labelledby="new-user-title" className="admin-panel">
      <h3 id="new-user-title">Thêm người dùng</h3>
      <form className="admin-form" aria-label="Thêm người dùng" onSubmit={(e) => void submit(e)}>
        <label>
          Tên đăng nhập <input name="login" required autoComplete="off" aria-describedby="login-hint" />
        </label>
        <label>
          Họ tên <input name="displayName" maxLength={200} />
        </label>
        <label>
          Vai trò{' '}
          <select name="role" defaultValue="keyer">
            {ROLE_IDS.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tổ chức{' '}
          <select name="organizationId" defaultValue="">
            <option value="">Không thuộc tổ chức nào</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Mật khẩu <input name="password" type="password" required autoComplete="new-password" />
        </label>
        <label>
          Nhập lại mật khẩu <input name="password2" type="password" required autoComplete="new-password" />
        </label>
        <p id="login-hint" className="hint wide">
          Tên đăng nhập: 2–64 ký tự, chữ cái không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang. Mật khẩu: ít nhất 10 ký tự.
        </p>
        <fieldset className="scope-choice">
          <legend>Phạm vi được xem</legend>
          <label className="check">
            <input type="checkbox" name="all" /> Toàn bộ các quyển sổ
          </label>
          <UnitPicker label="Thêm đơn vị được xem" onPick={addUnit} />
          {units.length > 0 && (
            <ul className="chips" aria-label="Đơn vị được xem">
              {units.map((u) => (
                <li key={u.id}>
                  {u.name}{' '}
                  <button type="button" className="link" aria-label={`Bỏ ${u.name}`} onClick={() => setUnits(units.filter((x) => x.id !== u.id))}>
                    bỏ
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p className="hint">Một đơn vị gồm cả các đơn vị trực thuộc, kể cả xã cũ đã sáp nhập vào xã mới năm 2025. Không chọn gì: người dùng chỉ thấy các quyển sổ được giao.</p>
        </fieldset>
        <button type="submit" disabled={busy}>
          Thêm người dùng
        </button>
      </form>
      {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
    </section>
  );
}
