/** Sign-in: login and password; the server sets an HttpOnly session cookie. */
import { useState, type FormEvent } from 'react';
import type { SessionUser } from '../../auth/index.js';
import { sendJson } from '../shared/index.js';

/** The user as login and /api/auth/me answer it, with `permissions` (what its role may do); me adds her grants (scope) and organization. */
export type SignedInUser = Pick<SessionUser, 'id' | 'login' | 'displayName' | 'role' | 'roleLabel' | 'permissions' | 'grants' | 'organization'>;

export function LoginForm({ onSignedIn }: { onSignedIn: (u: SignedInUser) => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const { user } = await sendJson<{ user: SignedInUser }>('POST', '/api/auth/login', { login: f.get('login'), password: f.get('password') });
      onSignedIn(user);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="login" onSubmit={(e) => void submit(e)} aria-label="Đăng nhập">
      <h2>Đăng nhập</h2>
      {error && <p role="alert">{error}</p>}
      <label>
        Tên đăng nhập <input name="login" autoComplete="username" required autoFocus />
      </label>
      <label>
        Mật khẩu <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit" disabled={busy}>
        Đăng nhập
      </button>
    </form>
  );
}
