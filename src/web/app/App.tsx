/**
 * The web app: the shell (app/Shell.tsx: header with the user's unit and the
 * user, navigation grouped by what her role may do, footer) around a hash
 * router: the role's home page (#/, lazily loaded per role), the books
 * (#/books, #/books?unit=…, #/books/:id), search (linked from the navigation,
 * "/" or Ctrl+K from any screen), QC, the campaign dashboard (#/plans), the
 * duplicate queue (#/linkage), audit, the admin screens (loaded lazily) and
 * the keying screen (#/records/:id, full-screen, without the shell). Actions
 * and screens the signed-in user may not use are hidden (`can`, from the
 * permissions sent with the user).
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { can, LoginForm, NoPermission, type SignedInUser } from '../auth/index.js';
import { BookPage, BooksPage } from '../books/index.js';
import { ImportsPage } from '../imports/index.js';
import { RecordHistoryPage } from '../history/index.js';
import { SearchPage, useSearchShortcut } from '../search/index.js';
import { getJson, sendJson, SIGNED_OUT_EVENT, type Health } from '../shared/index.js';
import { HomePage } from '../home/index.js';
import { Shell } from './Shell.js';

const KeyingPage = lazy(() => import('../keying/index.js').then((m) => ({ default: m.KeyingPage })));
const AcceptancePage = lazy(() => import('../qc/acceptance.js').then((m) => ({ default: m.AcceptancePage })));
const ArbitrationPage = lazy(() => import('../qc/screens.js').then((m) => ({ default: m.ArbitrationPage })));
const BookChecksPage = lazy(() => import('../qc/screens.js').then((m) => ({ default: m.BookChecksPage })));
const AuditPage = lazy(() => import('../audit/index.js').then((m) => ({ default: m.AuditPage })));
const UsersPage = lazy(() => import('../admin/index.js').then((m) => ({ default: m.UsersPage })));
const IssuePage = lazy(() => import('../extracts/index.js').then((m) => ({ default: m.IssuePage })));
const ExtractsPage = lazy(() => import('../extracts/index.js').then((m) => ({ default: m.ExtractsPage })));
const AssignPage = lazy(() => import('../admin/index.js').then((m) => ({ default: m.AssignPage })));
const LinkageQueue = lazy(() => import('../linkage/index.js').then((m) => ({ default: m.LinkageQueue })));
const LinkageComparePage = lazy(() => import('../linkage/index.js').then((m) => ({ default: m.LinkageComparePage })));
const PlansPage = lazy(() => import('../plans/index.js').then((m) => ({ default: m.PlansPage })));
const PopdbPage = lazy(() => import('../popdb/index.js').then((m) => ({ default: m.PopdbPage })));
const ConflictPage = lazy(() => import('../popdb/index.js').then((m) => ({ default: m.ConflictPage })));

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

/** The screen of the hash for a signed-in user; a screen the user's role may not use says so instead. */
function Screen({ user, hash }: { user: SignedInUser; hash: string }) {
  const bookId = /^#\/books\/([0-9a-f-]{36})/.exec(hash)?.[1];
  const arbitration = /^#\/qc\/arbitration(?:\/([0-9a-f-]{36}))?/.exec(hash);
  const checksOf = /^#\/qc\/checks\/([0-9a-f-]{36})/.exec(hash)?.[1];
  const historyOf = /^#\/history\/records\/([0-9a-f-]{36})/.exec(hash)?.[1];
  if (historyOf) return <RecordHistoryPage id={historyOf} user={user} />;
  const lazily = (page: ReactNode) => <Suspense fallback={<p>Đang tải…</p>}>{page}</Suspense>;
  if (hash.startsWith('#/search')) return <SearchPage query={hash.split('?')[1] ?? ''} canIssue={can(user, 'extracts.issue')} />;
  if (hash.startsWith('#/imports')) return can(user, 'imports.run') ? <ImportsPage /> : <NoPermission to="nhập dữ liệu từ tệp Excel/CSV" />;
  if (arbitration) return can(user, 'qc.arbitrate') ? lazily(<ArbitrationPage bookId={arbitration[1]} />) : <NoPermission to="trọng tài đối chiếu hai lần nhập" />;
  if (checksOf) return lazily(<BookChecksPage bookId={checksOf} canResolve={can(user, 'records.review')} />);
  if (/^#\/qc\/(lots|keyers|machine)/.test(hash)) return lazily(<AcceptancePage hash={hash} user={user} />);
  if (hash.startsWith('#/admin/users')) return can(user, 'users.manage') ? lazily(<UsersPage />) : <NoPermission to="quản lý người dùng" />;
  if (hash.startsWith('#/admin/assign')) return can(user, 'books.assign') ? lazily(<AssignPage />) : <NoPermission to="giao quyển sổ cho người nhập liệu, người kiểm tra" />;
  const issueOf = /^#\/extracts\/record\/([0-9a-f-]{36})(?:\?request=([0-9a-f-]{36}))?/.exec(hash);
  if (issueOf) return can(user, 'extracts.issue') ? lazily(<IssuePage recordId={issueOf[1]!} requestId={issueOf[2] ?? ''} />) : <NoPermission to="cấp bản sao trích lục hộ tịch" />;
  if (hash.startsWith('#/extracts')) return can(user, 'extracts.issue') ? lazily(<ExtractsPage />) : <NoPermission to="cấp bản sao trích lục hộ tịch" />;
  if (hash.startsWith('#/plans')) return can(user, 'plans.read') ? lazily(<PlansPage hash={hash} canManage={can(user, 'plans.manage')} />) : <NoPermission to="xem kế hoạch và tiến độ số hóa" />;
  const popdbConflict = /^#\/popdb\/conflicts\/([0-9a-f-]{36})/.exec(hash)?.[1];
  if (popdbConflict) return can(user, 'popdb.compare') ? lazily(<ConflictPage id={popdbConflict} canDecide={can(user, 'popdb.decide')} />) : <NoPermission to="đối chiếu với CSDL dân cư" />;
  if (hash.startsWith('#/popdb')) return can(user, 'popdb.compare') ? lazily(<PopdbPage />) : <NoPermission to="đối chiếu với CSDL dân cư" />;
  const pairOf = /^#\/linkage\/([0-9a-f-]{36})/.exec(hash)?.[1];
  if (hash.startsWith('#/linkage'))
    return can(user, 'records.review') ? lazily(pairOf ? <LinkageComparePage key={pairOf} id={pairOf} /> : <LinkageQueue />) : <NoPermission to="xem xét bản ghi trùng và liên kết" />;
  if (hash.startsWith('#/audit')) return can(user, 'audit.view') ? lazily(<AuditPage />) : <NoPermission to="xem nhật ký truy cập và thay đổi" />;
  if (bookId) return <BookPage id={bookId} user={user} />;
  if (hash.startsWith('#/books')) return <BooksPage key={hash} user={user} query={hash.split('?')[1] ?? ''} />;
  return <HomePage user={user} />;
}

export function App() {
  const [health, setHealth] = useState<Health>();
  const [user, setUser] = useState<SignedInUser | null>();
  const hash = useHash();
  useSearchShortcut();
  const loadMe = () =>
    getJson<{ user: SignedInUser }>('/api/auth/me').then(
      (r) => setUser(r.user),
      () => setUser(null),
    );
  useEffect(() => {
    getJson<Health>('/api/health')
      .then(setHealth)
      .catch(() => undefined);
    void loadMe();
  }, []);
  const signedIn = (u: SignedInUser) => {
    setUser(u);
    void loadMe(); // me adds her organization and scope for the header
  };
  const logout = () =>
    void sendJson('POST', '/api/auth/logout', {}).finally(() => {
      window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
      setUser(null);
    });
  const recordId = /^#\/records\/([0-9a-f-]{36})/.exec(hash)?.[1];
  if (user && recordId) {
    return (
      <main className="full">
        <Suspense fallback={<p className="keying-message">Đang tải màn hình nhập liệu…</p>}>
          <KeyingPage key={recordId} id={recordId} userId={user.id} readOnly={!can(user, 'records.key')} />
        </Suspense>
      </main>
    );
  }
  return (
    <Shell user={user} hash={hash} health={health} onLogout={logout}>
      {user === undefined ? <p>Đang tải…</p> : user === null ? <LoginForm onSignedIn={signedIn} /> : <Screen user={user} hash={hash} />}
    </Shell>
  );
}
