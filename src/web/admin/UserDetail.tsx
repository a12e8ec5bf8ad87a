/**
 * One user's management, opened from the users list: her grants (each can be
 * revoked: it takes effect at her next request), a new grant (a unit, every
 * book, or one book), her organization, a new password (her sessions end),
 * disabling her (kept, never deleted; her sessions end).
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { addGrant, disableUser, resetPassword, revokeGrant, setOrganization, type Book, type ManagedUser, type OrganizationView, type UnitHit } from './admin.api.js';
import { grantText } from './labels.js';
import { UnitPicker } from './UnitPicker.js';

interface Props {
  user: ManagedUser;
  organizations: OrganizationView[];
  books: Book[];
  onChanged(): void;
}

type Say = (ok: boolean, text: string) => void;

/** Runs an action, then reports its outcome in words and refreshes the list. */
function useAction(onChanged: () => void): [ReactNode, (run: () => Promise<string>) => Promise<void>] {
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const say: Say = (ok, text) => setMessage({ ok, text });
  const act = async (run: () => Promise<string>) => {
    try {
      say(true, await run());
      onChanged();
    } catch (e) {
      say(false, (e as Error).message);
    }
  };
  return [message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>, act];
}

function Grants({ user, act }: { user: ManagedUser; act(run: () => Promise<string>): Promise<void> }) {
  if (user.grants.length === 0) return <p>Chưa có phạm vi nào: người dùng này không thấy quyển sổ nào.</p>;
  return (
    <ul className="grants" aria-label={`Phạm vi của ${user.login}`}>
      {user.grants.map((g) => (
        <li key={g.id}>
          {grantText(g)}{' '}
          <button
            type="button"
            aria-label={`Thu hồi: ${grantText(g)}`}
            onClick={() =>
              void act(async () => {
                await revokeGrant(g.id);
                return `Đã thu hồi phạm vi "${grantText(g)}".`;
              })
            }
          >
            Thu hồi
          </button>
        </li>
      ))}
    </ul>
  );
}

function NewGrant({ user, books, act }: { user: ManagedUser; books: Book[]; act(run: () => Promise<string>): Promise<void> }) {
  const [kind, setKind] = useState<'unit' | 'all' | 'book'>('unit');
  const grantUnit = (u: UnitHit) =>
    void act(async () => {
      await addGrant(user.id, { kind: 'unit', unitId: u.id });
      return `Đã thêm phạm vi "${u.name}".`;
    });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const bookId = String(new FormData(e.currentTarget).get('bookId') ?? '');
    void act(async () => {
      const g = kind === 'all' ? await addGrant(user.id, { kind: 'all' }) : await addGrant(user.id, { kind: 'book', bookId });
      return `Đã thêm phạm vi "${grantText(g)}".`;
    });
  }
  return (
    <form className="inline-form" aria-label={`Thêm phạm vi cho ${user.login}`} onSubmit={submit}>
      <label>
        Thêm phạm vi{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="unit">Một đơn vị hành chính</option>
          <option value="all">Toàn bộ</option>
          <option value="book">Một quyển sổ</option>
        </select>
      </label>
      {kind === 'unit' && <UnitPicker label="Đơn vị" onPick={grantUnit} />}
      {kind === 'book' && (
        <label>
          Quyển sổ{' '}
          <select name="bookId" required>
            {books.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title} — {b.authority} ({b.yearFrom})
              </option>
            ))}
          </select>
        </label>
      )}
      {kind !== 'unit' && <button type="submit">Thêm phạm vi</button>}
    </form>
  );
}

function Account({ user, organizations, act }: { user: ManagedUser; organizations: OrganizationView[]; act(run: () => Promise<string>): Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  function saveOrg(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const id = String(new FormData(e.currentTarget).get('organizationId') ?? '') || null;
    void act(async () => {
      await setOrganization(user.id, id);
      return id ? `Đã chuyển sang tổ chức "${organizations.find((o) => o.id === id)?.name ?? id}".` : 'Đã bỏ tổ chức.';
    });
  }
  function newPassword(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    void act(async () => {
      if (f.get('password') !== f.get('password2')) throw new Error('Hai lần nhập mật khẩu không khớp.');
      const r = await resetPassword(user.id, String(f.get('password') ?? ''));
      form.reset();
      return `Đã đặt lại mật khẩu của "${r.user.login}"; đã kết thúc ${r.sessionsEnded} phiên đăng nhập.`;
    });
  }
  const disable = () =>
    void act(async () => {
      await disableUser(user.id);
      setConfirming(false);
      return `Đã vô hiệu hóa "${user.login}"; mọi phiên đăng nhập đã kết thúc.`;
    });
  return (
    <>
      <form className="inline-form" aria-label={`Tổ chức của ${user.login}`} onSubmit={saveOrg}>
        <label>
          Tổ chức{' '}
          <select name="organizationId" defaultValue={user.organizationId ?? ''}>
            <option value="">Không thuộc tổ chức nào</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Lưu tổ chức</button>
      </form>
      <form className="inline-form" aria-label={`Đặt lại mật khẩu của ${user.login}`} onSubmit={newPassword}>
        <label>
          Mật khẩu mới <input name="password" type="password" required autoComplete="new-password" />
        </label>
        <label>
          Nhập lại mật khẩu mới <input name="password2" type="password" required autoComplete="new-password" />
        </label>
        <button type="submit">Đặt lại mật khẩu</button>
      </form>
      {!user.disabledAt &&
        (confirming ? (
          <p>
            Vô hiệu hóa "{user.login}"? Người này không đăng nhập được nữa.{' '}
            <button type="button" onClick={disable}>
              Xác nhận vô hiệu hóa
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Hủy
            </button>
          </p>
        ) : (
          <p>
            <button type="button" onClick={() => setConfirming(true)}>
              Vô hiệu hóa
            </button>
          </p>
        ))}
    </>
  );
}

export function UserDetail({ user, organizations, books, onChanged }: Props) {
  const [message, act] = useAction(onChanged);
  return (
    <div className="user-detail" role="group" aria-label={`Quản lý ${user.login}`}>
      {message}
      <h4>Phạm vi</h4>
      <Grants user={user} act={act} />
      {!user.disabledAt && <NewGrant user={user} books={books} act={act} />}
      <h4>Tài khoản</h4>
      <Account user={user} organizations={organizations} act={act} />
    </div>
  );
}
