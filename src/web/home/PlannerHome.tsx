/** The planner's home: the province dashboard of the campaign (src/web/plans' own page, as #/plans shows it), then the books by stage. */
import { can, type SignedInUser } from '../auth/index.js';
import { PlansPage } from '../plans/index.js';
import { BooksByStage, useHome } from './parts.js';

export default function PlannerHome({ user }: { user: SignedInUser }) {
  const home = useHome();
  return (
    <div className="home">
      <PlansPage hash="#/plans" canManage={can(user, 'plans.manage')} />
      {home.error && <p role="alert">{home.error}</p>}
      {home.value && <BooksByStage books={home.value.books} />}
    </div>
  );
}
