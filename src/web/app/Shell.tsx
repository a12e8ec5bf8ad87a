/**
 * The frame of every screen but the keying one: a header with the user's
 * unit (her organization and scope) and the user herself, the navigation
 * grouped by kind of work (only what her role may use), the screen, and a
 * footer with the version. A skip link leads past the navigation.
 */
import type { ReactNode } from 'react';
import type { SignedInUser } from '../auth/index.js';
import type { Health } from '../shared/index.js';
import { currentHref, navFor } from './nav.js';

const DB_NAME = { pglite: 'PGlite (nhúng)', postgresql: 'PostgreSQL' } as const;

/** "Toàn tỉnh", the units she sees, or how many books she was given. */
export function scopeLabel(user: SignedInUser): string {
  const grants = user.grants ?? [];
  if (grants.some((g) => g.kind === 'all')) return 'Phạm vi: toàn bộ';
  const units = grants.flatMap((g) => (g.kind === 'unit' && g.unit ? [g.unit.name] : []));
  const books = grants.filter((g) => g.kind === 'book').length;
  const parts = [...(units.length ? [units.join(', ')] : []), ...(books ? [`${books} quyển sổ được giao`] : [])];
  return parts.length ? `Phạm vi: ${parts.join('; ')}` : 'Chưa được giao phạm vi';
}

function Header({ user, onLogout }: { user: SignedInUser | null | undefined; onLogout: () => void }) {
  return (
    <header className="shell-header">
      <a className="skip-link" href="#/" onClick={(e) => (e.preventDefault(), document.getElementById('content')?.focus())}>
        Bỏ qua điều hướng
      </a>
      <p className="brand">
        <a href="#/">
          <strong>hotich</strong> <span>Số hóa Sổ hộ tịch</span>
        </a>
      </p>
      {user && (
        <>
          <p className="shell-unit" data-testid="shell-unit">
            <strong>{user.organization?.name ?? 'Chưa thuộc đơn vị nào'}</strong>
            <span>{scopeLabel(user)}</span>
          </p>
          <p className="shell-user" data-testid="shell-user">
            <strong>{user.displayName || user.login}</strong>
            <span>{user.roleLabel}</span>
            <button type="button" className="link" onClick={onLogout}>
              Đăng xuất
            </button>
          </p>
        </>
      )}
    </header>
  );
}

function Navigation({ user, hash }: { user: SignedInUser; hash: string }) {
  const groups = navFor(user);
  const here = currentHref(groups, hash);
  return (
    <nav className="shell-nav" aria-label="Điều hướng">
      {groups.map((g) => (
        <section key={g.label} aria-label={g.label}>
          <h2>{g.label}</h2>
          <ul>
            {g.items.map((i) => (
              <li key={i.href}>
                <a href={i.href} title={i.title} aria-current={i.href === here ? 'page' : undefined}>
                  {i.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

export function Shell({ user, hash, health, onLogout, children }: { user: SignedInUser | null | undefined; hash: string; health: Health | undefined; onLogout: () => void; children: ReactNode }) {
  return (
    <div className={user ? 'shell' : 'shell signed-out'}>
      <Header user={user} onLogout={onLogout} />
      {user && <Navigation user={user} hash={hash} />}
      <main id="content" tabIndex={-1}>
        {children}
      </main>
      <footer className="shell-footer">
        {health && (
          <p className="status" data-testid="health">
            Phiên bản {health.version} · Cơ sở dữ liệu: {DB_NAME[health.database]}
          </p>
        )}
      </footer>
    </div>
  );
}
