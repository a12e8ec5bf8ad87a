/**
 * A keyer's active keying time, read from the action log (record_actions:
 * actor_id, created_at). Her keying actions (KEYING_KINDS) on books in the
 * reader's scope, within the window, in time order, form sessions: an action
 * less than SESSION_GAP_SECONDS after her previous one continues the
 * session, otherwise it starts a new one. A session lasts last − first
 * action + FIRST_RECORD_SECONDS (the reading and typing before the first
 * saved action: the keying form saves 2 s after a change, so a minute covers
 * opening the page and its first fields). Summed per action in SQL: each
 * action adds the time since her previous one, or the allowance when it
 * starts a session; the 7-day figure sums the actions of those 7 days.
 * Actions outside the reader's scope are left out before the sessions are
 * formed (a gap spent on such a book counts as idle when it breaks a session).
 * Time on a draft counts when it is spent; the draft's fields when completed.
 * Registrations imported from a file (their created action has a source:
 * entry import-record.ts) are not keying: an import writes thousands in a
 * minute. Their actions and their fields are left out (notImported).
 * Read through record_actions_time_idx (0031).
 */
import { sql } from 'kysely';
import { bookInScope, type ActorContext } from '../auth/index.js';
import type { ActionKind } from '../entry/index.js';
import { addDays } from './forecast.js';

export const SESSION_GAP_SECONDS = 10 * 60;
export const FIRST_RECORD_SECONDS = 60;
/** What a keyer does while keying a registration or a pass; QC's compared/arbitrated/verified and reopened are not keying. */
export const KEYING_KINDS = ['created', 'keyed', 'corrected', 'flagged', 'warnings_acknowledged', 'completed'] as const satisfies readonly ActionKind[];

/** The record `ref` was keyed here, not imported from a file (an imported registration's created action carries its source). */
export const notImported = (ref: string) => sql`not exists (select 1 from record_actions imp where imp.record_id = ${sql.ref(ref)} and imp.kind = 'created' and imp.payload ? 'source')`;

/** Vietnam midnight at the start of a day ('2026-11-25'), as an instant. */
const vietnamMidnight = (day: string) => `${day}T00:00:00+07:00`;

/** Active keying seconds per actor over the Vietnam days from7..today and from28..today. */
export async function activeSeconds(ctx: ActorContext, w: { from7: string; from28: string; today: string }): Promise<Map<string, { s7: number; s28: number }>> {
  const rows = await sql<{ actor_id: string; s7: number | null; s28: number }>`
    with a as (
      select a.actor_id, a.created_at,
        extract(epoch from a.created_at - lag(a.created_at) over (partition by a.actor_id order by a.created_at, a.id))::float8 as since
      from record_actions a join records r on r.id = a.record_id
      where a.actor_id is not null and a.kind in (${sql.join(KEYING_KINDS.map((k) => sql.lit(k)))})
        and a.created_at >= ${vietnamMidnight(w.from28)}::timestamptz and a.created_at < ${vietnamMidnight(addDays(w.today, 1))}::timestamptz
        and ${bookInScope(ctx.actor, sql.ref('r.book_id'))}
        and ${notImported('r.id')}
    ), t as (
      select actor_id, created_at, case when since < ${SESSION_GAP_SECONDS}::float8 then since else ${FIRST_RECORD_SECONDS}::float8 end as secs from a
    )
    select actor_id, sum(secs) filter (where created_at >= ${vietnamMidnight(w.from7)}::timestamptz) as s7, sum(secs) as s28
    from t group by actor_id`.execute(ctx.store.db);
  return new Map(rows.rows.map((r) => [r.actor_id, { s7: Number(r.s7 ?? 0), s28: Number(r.s28) }]));
}
