/**
 * 0010 — job outcomes: what a background job (core/job-runner.ts) hands back.
 * result is the handler's JSON answer when status = done; error is what the
 * user is shown when status = failed ({ code, message (Vietnamese), details }).
 * last_error keeps the raw text of the latest failure for operators.
 */
export const name = 'job-results';

export const up = /* sql */ `
alter table jobs add column result jsonb;
alter table jobs add column error jsonb;
alter table jobs add constraint jobs_attempts_check check (attempts between 0 and max_attempts);
alter table jobs add constraint jobs_outcome_check check (
  (status = 'done' or result is null) and (status = 'failed' or error is null)
  and ((status in ('done', 'failed')) = (finished_at is not null))
);
comment on table jobs is
  'Background work of the typed job map (core/job-runner.ts, map and handlers in server/jobs.ts). A worker claims a queued row whose run_at has come (FOR UPDATE SKIP LOCKED on PostgreSQL), sets status running and counts the attempt; done (with result) and failed (with error: code, Vietnamese message, details) are final and set finished_at; an unexpected failure before max_attempts goes back to queued with a later run_at; attempts never exceeds max_attempts. payload.actorId, when present, is the user who asked (only they or an admin may read the job).';
`;
