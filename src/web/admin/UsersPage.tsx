/**
 * "Người dùng" (#/admin/users, users.manage): organizations, a new user, and
 * the list of users — role, organization, scope in words ("Toàn bộ", unit
 * names, assigned books) and state — each opening her management (grants,
 * organization, password, disabling).
 */
import { Fragment, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import './admin.css';
import { listBooks, listOrganizations, listUsers, type Book, type ManagedUser, type OrganizationView } from './admin.api.js';
import { NewUserForm } from './NewUserForm.js';
import { OrganizationsPanel } from './OrganizationsPanel.js';
import { scopeText } from './labels.js';
import { UserDetail } from './UserDetail.js';

function UserRows({ user, orgName, open, onToggle, detail }: { user: ManagedUser; orgName: string; open: boolean; onToggle(): void; detail: ReactNode }) {
  return (
    <Fragment>
      <tr className={user.disabledAt ? 'disabled' : undefined}>
        <td>{user.login}</td>
        <td>{user.displayName}</td>
        <td>{user.roleLabel}</td>
        <td>{orgName}</td>
        <td>{scopeText(user.grants)}</td>
        <td>{user.disabledAt ? 'Đã vô hiệu hóa' : 'Đang dùng'}</td>
        <td>
          <button type="button" aria-expanded={open} aria-label={`Quản lý ${user.login}`} onClick={onToggle}>
            {open ? 'Đóng' : 'Quản lý'}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="detail-row">
          <td colSpan={7}>{detail}</td>
        </tr>
      )}
    </Fragment>
  );
}

export function UsersPage() {
  const [users, setUsers] = useState<ManagedUser[]>([]);
  const [organizations, setOrganizations] = useState<OrganizationView[]>([]);
  const [books, setBooks] = useState<Book[]>([]);
  const [open, setOpen] = useState<string>();
  const [error, setError] = useState<string>();
  const [loaded, setLoaded] = useState(false);

  const reload = useCallback(() => {
    Promise.all([listUsers(), listOrganizations()])
      .then(([u, o]) => {
        setUsers(u);
        setOrganizations(o);
        setLoaded(true);
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    reload();
    listBooks().then(setBooks, (e: Error) => setError(e.message));
  }, [reload]);

  const orgNames = useMemo(() => new Map(organizations.map((o) => [o.id, o.name])), [organizations]);
  const userCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const u of users) if (u.organizationId) m.set(u.organizationId, (m.get(u.organizationId) ?? 0) + 1);
    return m;
  }, [users]);

  return (
    <section className="admin">
      <h2>Người dùng</h2>
      <p className="hint">
        Mỗi người chỉ thấy các quyển sổ trong phạm vi của mình: toàn bộ, một đơn vị hành chính (gồm các đơn vị trực thuộc), hoặc các quyển được giao. Thu hồi phạm vi có hiệu lực ngay ở yêu cầu kế
        tiếp.
      </p>
      {error && <p role="alert">{error}</p>}
      <div className="admin-columns">
        <NewUserForm organizations={organizations} onCreated={reload} />
        <OrganizationsPanel organizations={organizations} userCounts={userCounts} onChanged={reload} />
      </div>
      <h3>Danh sách người dùng</h3>
      <table aria-label="Danh sách người dùng" className="users">
        <thead>
          <tr>
            <th>Tên đăng nhập</th>
            <th>Họ tên</th>
            <th>Vai trò</th>
            <th>Tổ chức</th>
            <th>Phạm vi</th>
            <th>Trạng thái</th>
            <th>
              <span className="sr-only">Thao tác</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserRows
              key={u.id}
              user={u}
              orgName={u.organizationId ? (orgNames.get(u.organizationId) ?? '—') : '—'}
              open={open === u.id}
              onToggle={() => setOpen(open === u.id ? undefined : u.id)}
              detail={<UserDetail user={u} organizations={organizations} books={books} onChanged={reload} />}
            />
          ))}
        </tbody>
      </table>
      {loaded && users.length === 0 && <p>Chưa có người dùng nào.</p>}
    </section>
  );
}
