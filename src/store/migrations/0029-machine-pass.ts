/**
 * 0029 — the machine as one of the two passes of double keying (src/qc,
 * src/ocr): a registration may have a pass M holding the OCR values confident
 * enough to stand in for a person (its created action has no actor: it is the
 * machine's, never a user's); the person's pass B then keys only the other
 * fields. A disagreement records whether its B side came from a person or
 * from the machine, so that keyer accuracy never blames a person for the
 * machine's reading.
 */
export const name = 'machine-pass';

export const up = /* sql */ `
alter table records drop constraint records_keying_pass_check;
alter table records add constraint records_keying_pass_check check (keying_pass in ('A', 'B', 'M'));
comment on column records.keying_pass is 'A or B for a person''s keying pass, M for the machine''s pass (OCR values at or above their kind''s threshold, standing in for a person on those fields); one of each per registration at most; null for a registration.';
alter table qc_disagreements add column source_b text not null default 'person' check (source_b in ('person', 'machine'));
comment on column qc_disagreements.source_b is 'Where value_b comes from: person (pass B) or machine (pass M, the OCR reading that stood in for pass B on this field).';
`;
