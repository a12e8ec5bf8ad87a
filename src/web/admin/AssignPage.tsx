/**
 * "Giao sổ" (#/admin/assign, books.assign): pick an organization (a
 * contractor, a commune…), then among its keyers and reviewers the people to
 * assign to; pick books among those the assigner sees, or every book of a
 * unit; assign. Below, what each of them has been assigned, with "Thôi giao".
 * A keyer's or reviewer's book list is exactly her assignment.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import './admin.css';
import { assignBooks, listBooks, listOrganizations, listUsers, unassignBooks, type Book, type ManagedUser, type OrganizationView, type UnitHit } from './admin.api.js';
import { AssignmentsTable } from './AssignmentsTable.js';
import { BookPicker } from './BookPicker.js';

const NO_ORG = 'none';

/** Who books are assigned to: active keyers and reviewers (an admin's GET /api/users answers everyone). */
const assignable = (u: ManagedUser) => !u.disabledAt && (u.role === 'keyer' || u.role === 'reviewer');

function People({ users, chosen, onChosen }: { users: ManagedUser[]; chosen: ReadonlySet<string>; onChosen(s: Set<string>): void }) {
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (!next.delete(id)) next.add(id);
    onChosen(next);
  };
  return (
    <fieldset className="people-picker">
      <legend>Người nhận ({chosen.size} đã chọn)</legend>
      {users.length === 0 ? (
        <p>Không có người nhập liệu hay người kiểm tra nào.</p>
      ) : (
        <>
          <ul className="pick-list" aria-label="Người nhận">
            {users.map((u) => (
              <li key={u.id}>
                <label className="check">
                  <input type="checkbox" checked={chosen.has(u.id)} onChange={() => toggle(u.id)} /> {u.displayName || u.login} ({u.login}, {u.roleLabel})
                </label>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => onChosen(new Set(users.map((u) => u.id)))}>
            Chọn tất cả
          </button>
        </>
      )}
    </fieldset>
  );
}

function assignedText(r: { books: number; created: number }, people: number): string {
  if (r.books === 0) return 'Không có quyển sổ nào trong phạm vi của bạn để giao.';
  const again = r.books * people - r.created;
  return `Đã giao ${r.books} quyển sổ cho ${people} người: ${r.created} lượt giao mới${again > 0 ? `, ${again} lượt đã giao từ trước` : ''}.`;
}

export function AssignPage() {
  const [organizations, setOrganizations] = useState<OrganizationView[]>([]);
  const [users, setUsers] = useState<ManagedUser[]>([]);
  const [books, setBooks] = useState<Book[]>([]);
  const [org, setOrg] = useState('');
  const [people, setPeople] = useState<Set<string>>(new Set());
  const [chosenBooks, setChosenBooks] = useState<Set<string>>(new Set());
  const [unit, setUnit] = useState<UnitHit>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);

  const reloadUsers = useCallback(() => listUsers().then(setUsers, (e: Error) => setMessage({ ok: false, text: e.message })), []);
  useEffect(() => {
    void reloadUsers();
    listOrganizations().then(setOrganizations, (e: Error) => setMessage({ ok: false, text: e.message }));
    listBooks().then(setBooks, (e: Error) => setMessage({ ok: false, text: e.message }));
  }, [reloadUsers]);

  const shownUsers = useMemo(() => users.filter(assignable).filter((u) => !org || (org === NO_ORG ? !u.organizationId : u.organizationId === org)), [users, org]);
  const visible = useMemo(() => new Map(books.map((b) => [b.id, b])), [books]);
  const chooseOrg = (id: string) => {
    setOrg(id);
    setPeople(new Set());
  };

  async function run(work: () => Promise<string>) {
    setBusy(true);
    try {
      setMessage({ ok: true, text: await work() });
      await reloadUsers();
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }
  const assign = () =>
    void run(async () => {
      const r = await assignBooks({ userIds: [...people], ...(chosenBooks.size ? { bookIds: [...chosenBooks] } : {}), ...(unit ? { unitId: unit.id } : {}) });
      setChosenBooks(new Set());
      setUnit(undefined);
      return assignedText(r, people.size);
    });
  const unassign = (u: ManagedUser, bookId: string, title: string) =>
    void run(async () => {
      const r = await unassignBooks([u.id], [bookId]);
      return r.removed ? `Đã thôi giao "${title}" cho ${u.login}.` : `"${title}" không còn giao cho ${u.login}.`;
    });

  const ready = people.size > 0 && (chosenBooks.size > 0 || unit !== undefined);
  return (
    <section className="admin">
      <h2>Giao sổ</h2>
      <p className="hint">Người nhập liệu và người kiểm tra chỉ thấy các quyển sổ được giao. Thôi giao có hiệu lực ngay, kể cả khi người đó đang đăng nhập.</p>
      <label className="org-choice">
        Tổ chức{' '}
        <select value={org} onChange={(e) => chooseOrg(e.target.value)}>
          <option value="">Mọi tổ chức</option>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.kindLabel})
            </option>
          ))}
          <option value={NO_ORG}>Không thuộc tổ chức nào</option>
        </select>
      </label>
      <div className="assign-columns">
        <People users={shownUsers} chosen={people} onChosen={setPeople} />
        <BookPicker books={books} chosen={chosenBooks} onChosen={setChosenBooks} unit={unit} onUnit={setUnit} />
      </div>
      <p>
        <button type="button" className="primary" disabled={!ready || busy} onClick={assign}>
          Giao sổ
        </button>{' '}
        {!ready && <span className="hint">Chọn người nhận và quyển sổ (hoặc một đơn vị).</span>}
      </p>
      {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
      <h3>Sổ đang giao</h3>
      <AssignmentsTable users={shownUsers} visible={visible} onUnassign={unassign} />
    </section>
  );
}
