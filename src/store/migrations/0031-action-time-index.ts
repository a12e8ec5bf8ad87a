/**
 * 0031 — keyers' active time on the campaign dashboard (src/plans
 * keyer-hours.repo.ts) reads the keying actions of the last 28 days; without
 * an index on the action time it read the whole action log, which only grows.
 */
export const name = 'action-time-index';

export const up = /* sql */ `
create index record_actions_time_idx on record_actions (created_at);
comment on index record_actions_time_idx is 'The actions of a period (keyers'' active keying time on the campaign dashboard, src/plans).';
`;
