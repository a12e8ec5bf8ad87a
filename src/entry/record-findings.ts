/**
 * Stored findings (record_findings): each registration's validation findings
 * as of its last change, so that lists read them instead of validating every
 * record on every read. A row is stamped with the record version and the
 * rules version it came from; a row whose stamp no longer matches is stale
 * and is recomputed by whoever reads it (freshFindingsOf). The stored row is
 * never the authority: saving and completing validate afresh.
 * "Today" for date rules is the record's last change (its updatedAt): a date
 * after that day stays an ERROR here until the record changes again.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { VERSION } from '../core/index.js';
import { TEMPLATES, validateTemplateRecord } from '../registers/index.js';
import type { Database, RecordRow } from '../store/index.js';
import type { RecordState } from './fold.js';
import { completionBlockers, recordFindings, type RecordFinding } from './record-view.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Bump when validation code outside the catalog's own declarations changes the findings (helpers, field checks). */
const RULES_REVISION = 1;

/** The catalog with its rule functions written out, so a changed rule changes the hash. */
function catalogText(): string {
  return JSON.stringify(TEMPLATES, (_k, v: unknown) => (typeof v === 'function' ? v.toString() : v));
}

/** The version the stored findings are stamped with: rules revision, hotich version and a hash of the catalog and its rules. */
export const RULES_VERSION: string = `${RULES_REVISION}:${VERSION}:${createHash('sha256').update(catalogText()).update(validateTemplateRecord.toString()).digest('hex').slice(0, 16)}`;

export interface StoredFindings {
  findings: RecordFinding[];
  errors: number;
  unacknowledged: number;
}

/** The findings of a state as stored: validated as of its last change. */
export function findingsOf(state: RecordState): StoredFindings {
  const findings = recordFindings(state, state.updatedAt);
  const b = completionBlockers(findings);
  return { findings, errors: b.errors.length, unacknowledged: b.unacknowledged.length };
}

/** The record_findings row of a state's findings: the one mapping (upsertFindings, insertFindings). */
function findingsRow(recordId: string, state: RecordState, f: StoredFindings) {
  return {
    record_id: recordId,
    book_id: state.bookId,
    record_version: state.version,
    rules_version: RULES_VERSION,
    findings: JSON.stringify(f.findings),
    errors: f.errors,
    unacknowledged: f.unacknowledged,
  };
}

export async function upsertFindings(db: Db, recordId: string, state: RecordState, f: StoredFindings): Promise<void> {
  const row = findingsRow(recordId, state, f);
  await db
    .insertInto('record_findings')
    .values(row)
    // An older state never overwrites the findings of a newer one (a lazy recompute racing a save).
    .onConflict((oc) =>
      oc
        .column('record_id')
        .doUpdateSet({ ...row, computed_at: new Date() })
        .where('record_findings.record_version', '<=', state.version),
    )
    .execute();
}

/** The findings of new registrations (a bulk writer's records, which have no stored findings yet), in one statement a thousand. */
export async function insertFindings(db: Db, rows: readonly { recordId: string; state: RecordState }[]): Promise<void> {
  const values = rows.filter((r) => r.state.keyingOf === null).map(({ recordId, state }) => findingsRow(recordId, state, findingsOf(state)));
  for (let i = 0; i < values.length; i += 1000)
    await db
      .insertInto('record_findings')
      .values(values.slice(i, i + 1000))
      .execute();
}

/** Written with the projection, in its transaction: a registration's findings for the state just folded (keying passes have none). */
export async function writeFindings(tx: Transaction<Database>, recordId: string, state: RecordState): Promise<void> {
  if (state.keyingOf !== null) return;
  await upsertFindings(tx, recordId, state, findingsOf(state));
}

/** A row as a list reads it: the record with its stored findings' stamp and counts (null when none is stored). */
export interface RowWithFindings extends RecordRow {
  f_record_version: number | null;
  f_rules_version: string | null;
  f_errors: number | null;
  f_unacknowledged: number | null;
}

export const isStale = (r: RowWithFindings): boolean => r.f_record_version !== r.version || r.f_rules_version !== RULES_VERSION;
