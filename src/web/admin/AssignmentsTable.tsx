/**
 * The books assigned to each person shown, each with "Thôi giao" (ends the
 * assignment at once: her next request no longer sees the book). A book the
 * assigner does not see herself cannot be taken back from here.
 */
import type { Book, ManagedUser } from './admin.api.js';
import { grantText } from './labels.js';

interface Props {
  users: ManagedUser[];
  visible: ReadonlyMap<string, Book>;
  onUnassign(user: ManagedUser, bookId: string, title: string): void;
}

function Assigned({ user, visible, onUnassign }: { user: ManagedUser } & Omit<Props, 'users'>) {
  const books = user.grants.filter((g) => g.kind === 'book' && g.book);
  const others = user.grants.filter((g) => g.kind !== 'book');
  return (
    <>
      {books.length === 0 ? (
        <span className="hint">Chưa được giao quyển nào.</span>
      ) : (
        <ul className="assigned" aria-label={`Sổ đã giao cho ${user.login}`}>
          {books.map((g) => {
            const title = g.book!.title;
            return (
              <li key={g.id}>
                {title}{' '}
                {visible.has(g.book!.id) ? (
                  <button type="button" aria-label={`Thôi giao ${title} cho ${user.login}`} onClick={() => onUnassign(user, g.book!.id, title)}>
                    Thôi giao
                  </button>
                ) : (
                  <span className="hint">(ngoài phạm vi của bạn)</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {others.length > 0 && <p className="hint">Ngoài ra được xem: {others.map(grantText).join('; ')}.</p>}
    </>
  );
}

export function AssignmentsTable({ users, visible, onUnassign }: Props) {
  if (users.length === 0) return <p>Tổ chức này chưa có người nhập liệu hay người kiểm tra nào.</p>;
  return (
    <table aria-label="Sổ đang giao">
      <thead>
        <tr>
          <th>Người</th>
          <th>Vai trò</th>
          <th>Quyển sổ đã giao</th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id}>
            <td>{u.displayName ? `${u.displayName} (${u.login})` : u.login}</td>
            <td>{u.roleLabel}</td>
            <td>
              <Assigned user={u} visible={visible} onUnassign={onUnassign} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
