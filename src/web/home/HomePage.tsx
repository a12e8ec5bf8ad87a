/** #/: the signed-in user's home, by role, each loaded only when that role opens it (the first load stays small). */
import { lazy, Suspense } from 'react';
import type { SignedInUser } from '../auth/index.js';

const HOMES = {
  admin: lazy(() => import('./AdminHome.js')),
  planner: lazy(() => import('./PlannerHome.js')),
  officer: lazy(() => import('./OfficerHome.js')),
  keyer: lazy(() => import('./KeyerHome.js')),
  reviewer: lazy(() => import('./ReviewerHome.js')),
} as const;

export function HomePage({ user }: { user: SignedInUser }) {
  const Home = HOMES[user.role];
  return (
    <Suspense fallback={<p>Đang tải trang chủ…</p>}>
      <Home user={user} />
    </Suspense>
  );
}
