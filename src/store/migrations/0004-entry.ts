/**
 * 0004 — keying: what the record projection needs beyond values (flags on
 * fields, acknowledged warnings, the region of each page the registration
 * occupies, who keyed it, when it was completed). All columns are written by
 * the fold of record_actions only (src/entry/fold.ts), never by hand.
 */
export const name = 'entry';

export const up = /* sql */ `
alter table records add column flags jsonb not null default '{}'::jsonb;
alter table records add column acknowledged jsonb not null default '[]'::jsonb;
alter table records add column regions jsonb not null default '[]'::jsonb;
alter table records add column keyed_by uuid references users(id);
alter table records add column completed_at timestamptz;
comment on column records.flags is
  'Fields the keyer marked: {fieldKey: {kind: uncertain | illegible, note}}. Part of the fold of record_actions.';
comment on column records.acknowledged is
  'JSON array of WARNING finding codes (or path:code) the keyer accepted; completion needs every WARNING acknowledged.';
comment on column records.regions is
  'JSON array [{pageId, x, y, w, h}]: where the registration lies on each of its pages, as fractions 0..1 of the page image.';
comment on column records.keyed_by is 'Author of the last keyed/corrected action (null when unknown).';
comment on column records.completed_at is 'Time of the completed action while status is completed; null for drafts.';
`;
