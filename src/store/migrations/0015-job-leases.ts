/**
 * 0015 — job leases: a running job holds a lease (lease_until) that its
 * worker renews while it runs (heartbeat_at = the last renewal); a job whose
 * lease lapsed (its worker died or froze) is taken back by any worker. progress
 * is what the handler last reported (import: rows read, checked, written),
 * shown while the job runs and kept afterwards.
 */
export const name = 'job-leases';

export const up = /* sql */ `
alter table jobs add column lease_until timestamptz;
alter table jobs add column heartbeat_at timestamptz;
alter table jobs add column progress jsonb;
update jobs set lease_until = coalesce(locked_at, now()), heartbeat_at = locked_at where status = 'running';
alter table jobs add constraint jobs_lease_check check ((status = 'running') = (lease_until is not null));
create index jobs_lease_idx on jobs (lease_until) where status = 'running';
comment on table jobs is
  'Background work of the typed job map (core/job-runner.ts, map and handlers in server/jobs.ts). A worker claims a queued row whose run_at has come (FOR UPDATE SKIP LOCKED on PostgreSQL), sets status running, counts the attempt and takes a lease (lease_until) that it renews while the handler runs (heartbeat_at); only the lease holder (locked_by) may finish the row. A running row whose lease lapsed is taken back (queued again, or failed when no attempt is left) and its old owner, on its next renewal, sees it lost and stops. done (with result) and failed (with error: code, Vietnamese message, details) are final and set finished_at; an unexpected failure before max_attempts goes back to queued with a later run_at; attempts never exceeds max_attempts. progress is the handler''s last report (JSON). payload.actorId, when present, is the user who asked (only they or an admin may read the job).';
`;
