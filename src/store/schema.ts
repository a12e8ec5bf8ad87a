/**
 * Hand-written table types for Kysely. They mirror the migrations in
 * ./migrations; change both together.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** JSON object columns: written as a JSON string or value, read back parsed. */
export type Json<T> = ColumnType<T, string | T, string | T>;
/**
 * JSON array columns: written as a JSON string ONLY — node-postgres turns a JS
 * array into a PostgreSQL array literal ('{a,b}'), which jsonb refuses or, for
 * an empty array, reads as an empty object.
 */
export type JsonArray<T> = ColumnType<T[], string, string>;
/** JSON object column with a default in the table: optional on insert. */
export type JsonWithDefault<T> = ColumnType<T, string | T | undefined, string | T>;
/** JSON array column with a default in the table: optional on insert, written as a JSON string only. */
export type JsonArrayWithDefault<T> = ColumnType<T[], string | undefined, string>;

export interface UsersTable {
  id: Generated<string>;
  login: string;
  display_name: Generated<string>;
  role: string;
  password_hash: string | null;
  created_at: CreatedAt;
  disabled_at: Date | null;
  /** 0011: the agency the user works for. */
  organization_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 0011: an agency whose people sign in (Sở Tư pháp, UBND xã, contractor...). */
export interface OrganizationsTable {
  id: Generated<string>;
  name: string;
  kind: string;
  unit_id: string | null;
  created_at: CreatedAt;
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** 0011: what a user may see: everything, a unit (and all within it), or one assigned book. */
export interface UserGrantsTable {
  id: ColumnType<string, never, never>;
  user_id: string;
  kind: string;
  unit_id: string | null;
  book_id: string | null;
  granted_by: string | null;
  granted_at: CreatedAt;
}

/** 0011: closure of "unit lies within unit" (parents, main successors); rebuilt after list imports. */
export interface AdminUnitWithinTable {
  unit_id: string;
  within_id: string;
}

/** 0011: append-only history of books, pages, users, grants, QC, exports, imports. */
export interface EntityActionsTable {
  id: ColumnType<string, never, never>;
  entity_type: string;
  entity_id: string;
  book_id: string | null;
  kind: string;
  actor_id: string | null;
  client_tx_id: string | null;
  reason: Generated<string>;
  payload: Json<Record<string, unknown>>;
  created_at: CreatedAt;
  /** 0012: place in the audit hash chain (set by the database trigger; never written by the app). */
  chain_id: ColumnType<string, never, never>;
  chain_seq: ColumnType<string, never, never>;
  prev_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

/** 0011: reads of personal data (who, what, when, from where). */
export interface AccessLogTable {
  id: ColumnType<string, never, never>;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  book_id: string | null;
  ip: Generated<string>;
  user_agent: Generated<string>;
  at: CreatedAt;
  /** 0012: place in the audit hash chain (set by the database trigger; never written by the app). */
  chain_id: ColumnType<string, never, never>;
  chain_seq: ColumnType<string, never, never>;
  prev_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

/** 0012: the head (last row) of each audit chain, moved by the insert trigger only. */
export interface AuditHeadsTable {
  chain_id: string;
  seq: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
  row_table: ColumnType<string | null, never, never>;
  row_id: ColumnType<string | null, never, never>;
  updated_at: ColumnType<Date, never, never>;
}

/** 0012: the head of each chain as it was on a day, to publish outside the database (append-only). */
export interface AuditCheckpointsTable {
  chain_id: string;
  day: string;
  seq: string;
  hash: string;
  row_table: string | null;
  row_id: string | null;
  taken_at: CreatedAt;
}

export interface BooksTable {
  id: Generated<string>;
  /** 0032: partition key of the book's rows, set by a trigger from authority_unit_code when the book is inserted ('00' unresolved); never written by the app. */
  province_code: ColumnType<string, never, never>;
  register_type: string;
  template_version: string;
  authority_text: string;
  authority_unit_code: string | null;
  year_from: number;
  year_to: number | null;
  volume_no: Generated<string>;
  opened_on: string | null;
  closed_on: string | null;
  page_count: number | null;
  declared_event_count: number | null;
  condition: Generated<string>;
  custody: Generated<string>;
  notes: Generated<string>;
  status: Generated<string>;
  quyen_year: string | null;
  /** 0016, generated: folded words of authority, volume number and notes (the list's text filter). */
  search_key: ColumnType<string, never, never>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** 0014: a copy book (sổ lưu / bản sao), allowed to share another book's identity. */
  is_copy: Generated<boolean>;
  /** 0024: the import still writing into this book in batches (hidden from everyone while set). */
  import_pending: string | null;
  /** 0024: on an import's staging copy, the existing book its records move into at the end. */
  import_target: string | null;
}

export interface IngestFilesTable {
  id: Generated<string>;
  book_id: string;
  sha256: string;
  name: string;
  kind: string;
  page_count: number;
  byte_size: number | string;
  blob_sha256: string | null;
  created_at: CreatedAt;
}

export interface PagesTable {
  id: Generated<string>;
  book_id: string;
  /** 0032: partition key, the book's province_code (write provinceOfBook(bookId)). */
  province_code: string;
  seq: number;
  side: Generated<string>;
  blob_sha256: string | null;
  byte_size: string | null;
  width_px: number | null;
  height_px: number | null;
  status: Generated<string>;
  flags: JsonArray<string>;
  mime: string | null;
  thumbnail_sha256: string | null;
  dhash: string | null;
  dpi_at_a4: number | null;
  ingest_file_id: string | null;
  file_page_index: number | null;
  note: Generated<string>;
  created_at: CreatedAt;
}

export interface RecordsTable {
  id: Generated<string>;
  book_id: string;
  /** 0032: partition key, the book's province_code (write provinceOfBook(bookId)). */
  province_code: string;
  register_type: string;
  template_version: string;
  status: Generated<string>;
  version: Generated<number>;
  values: Json<Record<string, string>>;
  page_ids: JsonArray<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** 0004: {fieldKey: {kind: 'uncertain' | 'illegible', note}}. */
  flags: JsonWithDefault<Record<string, { kind: string; note: string }>>;
  /** 0004: acknowledged WARNING codes. */
  acknowledged: JsonArrayWithDefault<string>;
  /** 0004: [{pageId, x, y, w, h}] in fractions 0..1 of the page. */
  regions: JsonArrayWithDefault<{ pageId: string; x: number; y: number; w: number; h: number }>;
  keyed_by: string | null;
  completed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** 0008: null for a registration; the registration's id for a keying pass (src/qc). */
  keying_of: ColumnType<string | null, string | null | undefined, string | null>;
  /** 0008: 'A' | 'B' for a keying pass, null for a registration. */
  keying_pass: ColumnType<string | null, string | null | undefined, string | null>;
  /** 0016, generated: values.so read as a number, 999999999999999999 when not one (list order). */
  so_sort: ColumnType<string | number, never, never>;
}

/** 0016: stored findings of a registration, stamped with the record and rules versions they came from. */
export interface RecordFindingsTable {
  record_id: string;
  book_id: string;
  record_version: number;
  rules_version: string;
  findings: Json<unknown[]>;
  errors: number;
  unacknowledged: number;
  computed_at: Generated<Date>;
}

/** 0018: search's person index (src/search): one row per person block of a registration, keys from src/vn nameKeys. */
export interface PersonIndexTable {
  record_id: string;
  role: string;
  book_id: string;
  register_type: string;
  full_name: string;
  name_tone: string;
  name_fold: string;
  ho_key: string;
  ten_key: string;
  head_key: string;
  tail_key: string;
  birth_year: number | null;
  birth_lo: ColumnType<string | null, string | null, string | null>;
  birth_hi: ColumnType<string | null, string | null, string | null>;
  event_lo: ColumnType<string | null, string | null, string | null>;
  event_hi: ColumnType<string | null, string | null, string | null>;
  /** 0026: the year of event_lo. */
  event_year: number | null;
  reg_so: string;
  quyen_so: string;
  reg_date: string;
  page_id: string | null;
}

/** 0026: the distinct folded names of person_index, with their keys (src/search). */
export interface PersonNamesTable {
  name_fold: string;
  ho_key: string;
  ten_key: string;
  head_key: string;
  tail_key: string;
}

export interface RecordActionsTable {
  id: ColumnType<string, never, never>;
  record_id: string;
  /** 0032: partition key, the record's province_code (write provinceOfRecord(recordId)). */
  province_code: string;
  client_tx_id: string;
  kind: string;
  actor_id: string | null;
  payload: Json<Record<string, unknown>>;
  created_at: CreatedAt;
  /** 0012: place in the audit hash chain (set by the database trigger; never written by the app). */
  chain_id: ColumnType<string, never, never>;
  chain_seq: ColumnType<string, never, never>;
  prev_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

export interface JobsTable {
  id: ColumnType<string, never, never>;
  kind: string;
  payload: Json<unknown>;
  status: Generated<string>;
  run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_at: Date | null;
  last_error: string | null;
  created_at: CreatedAt;
  finished_at: Date | null;
  /** 0010: the handler's answer (status done). */
  result: Json<unknown> | null;
  /** 0010: what the user is shown (status failed): { code, message, details }. */
  error: Json<unknown> | null;
  /** 0015: the lease the running worker renews; null unless running. */
  lease_until: Date | null;
  /** 0015: the last renewal of the lease. */
  heartbeat_at: Date | null;
  /** 0015: the handler's last progress report (import: rows read, checked, written). */
  progress: Json<unknown> | null;
}

export interface AdminUnitsTable {
  id: string;
  scheme: string;
  level: string;
  code: string;
  name: string;
  kind: string;
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  source: string;
  updated_at: UpdatedAt;
}

export interface AdminUnitSuccessorsTable {
  from_id: string;
  to_id: string;
  is_main: boolean;
  source: string;
}

export interface AdminUnitAliasesTable {
  unit_id: string;
  alias: string;
  alias_key: string;
  source: Generated<string>;
  year: string | null;
}

export interface AdminUnitImportsTable {
  id: ColumnType<string, never, never>;
  source: string;
  format: string;
  sha256: string;
  added: number;
  changed: number;
  unchanged: number;
  report: Json<Record<string, unknown>>;
  imported_at: CreatedAt;
}

export interface SessionsTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** 0013: fixed at sign-in, never moved; expires_at (idle) never passes it. */
  absolute_expires_at: ColumnType<Date, Date | string, Date | string>;
  /** 0023: the WAL position after the session's last write (only with a read replica). */
  last_write_lsn: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 0013: one row per password check, reserved before the check (login throttle). */
export interface LoginAttemptsTable {
  id: Generated<string>;
  login: string;
  address: string | null;
  at: ColumnType<Date, Date | string, Date | string>;
  outcome: ColumnType<'pending' | 'failed' | 'succeeded', 'pending' | 'failed' | 'succeeded' | undefined, 'pending' | 'failed' | 'succeeded'>;
  cleared: ColumnType<boolean, boolean | undefined, boolean>;
}

/** 0008: QC mode of a book (no row = single_review). */
export interface QcBookSettingsTable {
  book_id: string;
  mode: string;
  set_by: string | null;
  set_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** 0008: a field on which two keying passes disagree, and its arbitration. */
export interface QcDisagreementsTable {
  id: ColumnType<string, never, never>;
  record_id: string;
  round: number;
  field_key: string;
  value_a: string;
  value_b: string;
  status: Generated<string>;
  decided_value: string | null;
  decided_choice: string | null;
  decided_by: string | null;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
  /** 0029: 'person' (pass B) or 'machine' (pass M stood in for B on this field). */
  source_b: Generated<string>;
}

/** 0008: a field a peer reviewer corrected (one keyer error). */
export interface QcReviewCorrectionsTable {
  id: ColumnType<string, never, never>;
  record_id: string;
  field_key: string;
  keyed_value: string;
  corrected_value: string;
  keyer_id: string | null;
  reviewer_id: string | null;
  created_at: CreatedAt;
}

/** 0008: a reviewer's resolution of a book-level check finding. */
export interface QcBookCheckNotesTable {
  book_id: string;
  check_code: string;
  subject: string;
  status: string;
  note: string;
  by: string | null;
  at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** 0006: one export of a book to the MoJ; files are chunked blobs (src/exchange). */
export interface ExportsTable {
  id: Generated<string>;
  book_id: string;
  files: JsonArray<{ name: string; kind: string; bytes: number; sha256: string; chunks: string[] }>;
  manifest: Json<Record<string, unknown>>;
  warnings: number;
  created_by: string | null;
  created_at: CreatedAt;
  signed_off_by: ColumnType<string | null, string | null | undefined, string | null>;
  signed_off_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  note: Generated<string>;
}

/** 0014: a change to a registration after its book's export was signed off (the export is stale). */
export interface ExportChangesTable {
  id: ColumnType<string, never, never>;
  export_id: string;
  book_id: string;
  record_id: string;
  action_id: string;
  kind: string;
  fields: JsonArray<string>;
  reason: string;
  decision_ref: ColumnType<string, string | undefined, never>;
  actor_id: string | null;
  created_at: CreatedAt;
}

/** 0007: one import of registrations from an xlsx/CSV file (src/exchange import). */
export interface ImportsTable {
  id: ColumnType<string, string | undefined, never>;
  book_id: string | null;
  file_name: string;
  sha256: string;
  sheet: string;
  template_id: string;
  rows_total: number;
  rows_imported: number;
  warnings: number;
  status: string;
  report: Json<Record<string, unknown>>;
  imported_by: string | null;
  created_at: CreatedAt;
}

/** 0009: a lot accepted by sampling (src/qc lots). */
export interface QcLotsTable {
  id: Generated<string>;
  scope: Json<Record<string, unknown>>;
  plan: Json<Record<string, unknown>>;
  targets: Json<Record<string, unknown>>;
  seed: string;
  sampler: string;
  manifest_hash: string;
  lot_size: number;
  status: Generated<string>;
  decision: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  note: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
  decided_by: ColumnType<string | null, string | null | undefined, string | null>;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** 0009: a registration drawn into a lot's sample. */
export interface QcLotSamplesTable {
  lot_id: string;
  record_id: string;
  seq: number;
  position: number;
  keyer_id: string | null;
  record_version: number;
}

/** 0009: one field of a sampled registration checked against the image. */
export interface QcSampleChecksTable {
  lot_id: string;
  record_id: string;
  field_key: string;
  ok: boolean;
  keyed_value: string;
  correct_value: string | null;
  critical: boolean;
  checked_by: string | null;
  checked_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** 0017: a campaign plan (src/plans). */
export interface PlanCampaignsTable {
  id: Generated<string>;
  name: string;
  doc_ref: Generated<string>;
  issued_on: string | null;
  scope_text: Generated<string>;
  unit_id: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** 0017: a work package of a campaign. */
export interface PlanPackagesTable {
  id: Generated<string>;
  campaign_id: string;
  unit_id: string;
  register_types: JsonArray<string>;
  year_from: number;
  year_to: number;
  est_books: Generated<number>;
  est_pages: Generated<number>;
  est_registrations: Generated<number>;
  est_fields: ColumnType<string, number | string | undefined, number | string>;
  note: Generated<string>;
  version: Generated<number>;
  removed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** 0017: one stage of a work package: deadline, responsible organization and person, unit price. */
export interface PlanPackageStagesTable {
  package_id: string;
  stage: string;
  deadline: string | null;
  organization_id: string | null;
  person: Generated<string>;
  unit_price: ColumnType<string | null, number | string | null | undefined, number | string | null>;
}

/** 0017: a book confirmed loaded into the national system. */
export interface PlanBookLoadsTable {
  book_id: string;
  loaded_on: string;
  batch_ref: string;
  source: string;
  confirmed_by: string | null;
  confirmed_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** 0017: books whose progress must be recomputed (filled by triggers). */
export interface ProgressDirtyTable {
  book_id: string;
  marked_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** 0017: derived: a book's progress per stage and day. */
export interface ProgressDailyTable {
  book_id: string;
  stage: string;
  day: string;
  qty: ColumnType<string, number | string, number | string>;
}

/** 0017: derived: a book's progress per stage. */
export interface ProgressBookTable {
  book_id: string;
  stage: string;
  done: ColumnType<string, number | string, number | string>;
}

/** 0025: derived: the books each live package covers (as the package rollup counted them). */
export interface PlanPackageBooksTable {
  package_id: string;
  book_id: string;
}

/** 0025: derived: a book's state figures (not daily amounts). */
export interface ProgressBookLiveTable {
  book_id: string;
  register_type: string;
  declared_pages: ColumnType<string, number | string, number | string>;
  double_registrations: ColumnType<string, number | string, number | string>;
  open_disagreements: ColumnType<string, number | string, number | string>;
}

/** 0025: derived: progress_book summed per package. */
export interface ProgressPackageTable {
  package_id: string;
  stage: string;
  register_type: string;
  done: ColumnType<string, number | string, number | string>;
}

/** 0025: derived: progress_daily summed per package. */
export interface ProgressPackageDailyTable {
  package_id: string;
  stage: string;
  day: string;
  qty: ColumnType<string, number | string, number | string>;
}

/** 0027: the registrations a population-DB match-key file listed. */
export interface PopdbExportRecordsTable {
  export_id: string;
  record_id: string;
  book_id: string;
}

/** 0027: derived: progress_package_daily folded by month (days of the month and their amounts). */
export interface ProgressPackageMonthTable {
  package_id: string;
  stage: string;
  month: string;
  days: number[];
  qty: ColumnType<string[], (number | string)[], (number | string)[]>;
}

/** 0025: derived: progress_book_live summed per package. */
export interface ProgressPackageLiveTable {
  package_id: string;
  books: ColumnType<string, number | string, number | string>;
  declared_pages: ColumnType<string, number | string, number | string>;
  double_registrations: ColumnType<string, number | string, number | string>;
  open_disagreements: ColumnType<string, number | string, number | string>;
}

export interface MigrationsTable {
  id: string;
  name: string;
  applied_at: CreatedAt;
  /** SHA-256 of the migration's SQL when applied (the migrator's bookkeeping; null until the next start on older databases). */
  checksum: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 0019: the last copy number of an issuing authority in a year (src/extracts). */
export interface ExtractCountersTable {
  issuing_unit_id: string;
  year: number;
  last_no: number;
}

/** 0019: a citizen's request for a copy (procedure 2.000635). */
export interface ExtractRequestsTable {
  id: Generated<string>;
  issuing_unit_id: string;
  record_id: string | null;
  requester_name: string;
  requester_id_type: Generated<string>;
  requester_id_no: Generated<string>;
  relation: Generated<string>;
  authorization_ref: Generated<string>;
  channel: Generated<string>;
  wanted: JsonWithDefault<Record<string, string>>;
  copies: number;
  fee_per_copy: number;
  fee_exemption: Generated<string>;
  received_at: ColumnType<Date, Date | string, Date | string>;
  due_at: ColumnType<Date, Date | string, Date | string>;
  status: Generated<string>;
  refusal_reason: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
}

/** 0019: a certified copy issued (the issuance log). */
export interface ExtractCopiesTable {
  id: Generated<string>;
  request_id: string | null;
  record_id: string;
  book_id: string;
  issuing_unit_id: string;
  year: number;
  seq: number;
  number: string;
  copy_type: string;
  copies: number;
  token: string;
  printed: Json<Record<string, unknown>>;
  pdf_sha256: string;
  issued_by: string | null;
  issued_at: ColumnType<Date, Date | string, never>;
  revoked_at: ColumnType<Date | null, never, Date | string>;
  revoked_by: ColumnType<string | null, never, string>;
  revoke_reason: ColumnType<string, never, string>;
}

/** 0019: exceptions to the statutory working-day calendar. */
export interface WorkingCalendarTable {
  day: string;
  kind: 'holiday' | 'workday';
  name: Generated<string>;
}

/** 0020: one linkage run (src/linkage). */
export interface LinkRunsTable {
  id: Generated<string>;
  unit_id: string | null;
  mode: string;
  params: JsonWithDefault<Record<string, unknown>>;
  stats: JsonWithDefault<Record<string, unknown>>;
  started_by: string | null;
  started_at: CreatedAt;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** 0020: a proposed link between two registrations (record_a < record_b). */
export interface LinkCandidatesTable {
  id: Generated<string>;
  kind: string;
  record_a: string;
  record_b: string;
  role_a: string;
  role_b: string;
  book_a: string;
  book_b: string;
  probability: number;
  weight: number;
  explanation: Json<Record<string, unknown>>;
  status: Generated<string>;
  run_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** 0020: a reviewer's decision on a candidate, append-only. */
export interface LinkDecisionsTable {
  id: Generated<string>;
  candidate_id: string;
  kind: string;
  record_a: string;
  record_b: string;
  decision: string;
  keep_id: string | null;
  reason: Generated<string>;
  decided_by: string | null;
  decided_at: CreatedAt;
}

/** 0021: a match-key file sent to the population side (src/popdb). */
export interface PopdbExportsTable {
  id: Generated<string>;
  unit_id: string;
  record_count: number;
  files: Json<{ name: string; bytes: number; sha256: string }[]>;
  exported_by: string | null;
  created_at: CreatedAt;
}

/** 0021: a result file read back from the population side. */
export interface PopdbBatchesTable {
  id: Generated<string>;
  file_name: string;
  sha256: string;
  status: string;
  rows_total: number;
  counts: JsonWithDefault<Record<string, number>>;
  report: JsonWithDefault<Record<string, unknown>>;
  error_report_sha256: string | null;
  imported_by: string | null;
  created_at: CreatedAt;
}

/** 0021: one classified row of a result file. */
export interface PopdbRowsTable {
  id: Generated<string>;
  batch_id: string;
  row_no: number;
  record_id: string;
  book_id: string;
  class: string;
  pop_status: string;
  pop_values: Json<Record<string, string>>;
  book_values: Json<Record<string, string>>;
  diffs: JsonArrayWithDefault<{ key: string; book: string; population: string }>;
  conflict: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  record_version: number;
}

/** 0021: the officer's decision on a row, once (append-only). */
export interface PopdbDecisionsTable {
  id: Generated<string>;
  row_id: string;
  decision: string;
  note: Generated<string>;
  corrected: JsonWithDefault<Record<string, string>>;
  record_version: number;
  decided_by: string | null;
  decided_at: CreatedAt;
}

/** 0020: registrations waiting for an incremental linkage run. */
export interface LinkDirtyTable {
  record_id: string;
  marked_at: CreatedAt;
}

export interface Database {
  users: UsersTable;
  books: BooksTable;
  pages: PagesTable;
  ingest_files: IngestFilesTable;
  records: RecordsTable;
  record_findings: RecordFindingsTable;
  person_index: PersonIndexTable;
  person_names: PersonNamesTable;
  record_actions: RecordActionsTable;
  jobs: JobsTable;
  hotich_migrations: MigrationsTable;
  admin_units: AdminUnitsTable;
  admin_unit_successors: AdminUnitSuccessorsTable;
  admin_unit_aliases: AdminUnitAliasesTable;
  admin_unit_imports: AdminUnitImportsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  imports: ImportsTable;
  exports: ExportsTable;
  export_changes: ExportChangesTable;
  qc_book_settings: QcBookSettingsTable;
  qc_disagreements: QcDisagreementsTable;
  qc_review_corrections: QcReviewCorrectionsTable;
  qc_book_check_notes: QcBookCheckNotesTable;
  qc_lots: QcLotsTable;
  qc_lot_samples: QcLotSamplesTable;
  qc_sample_checks: QcSampleChecksTable;
  organizations: OrganizationsTable;
  user_grants: UserGrantsTable;
  admin_unit_within: AdminUnitWithinTable;
  entity_actions: EntityActionsTable;
  access_log: AccessLogTable;
  audit_heads: AuditHeadsTable;
  audit_checkpoints: AuditCheckpointsTable;
  extract_counters: ExtractCountersTable;
  extract_requests: ExtractRequestsTable;
  extract_copies: ExtractCopiesTable;
  working_calendar: WorkingCalendarTable;
  plan_campaigns: PlanCampaignsTable;
  plan_packages: PlanPackagesTable;
  plan_package_stages: PlanPackageStagesTable;
  plan_book_loads: PlanBookLoadsTable;
  progress_dirty: ProgressDirtyTable;
  progress_daily: ProgressDailyTable;
  progress_book: ProgressBookTable;
  plan_package_books: PlanPackageBooksTable;
  progress_book_live: ProgressBookLiveTable;
  progress_package: ProgressPackageTable;
  progress_package_daily: ProgressPackageDailyTable;
  progress_package_live: ProgressPackageLiveTable;
  progress_package_month: ProgressPackageMonthTable;
  link_runs: LinkRunsTable;
  link_candidates: LinkCandidatesTable;
  link_decisions: LinkDecisionsTable;
  link_dirty: LinkDirtyTable;
  popdb_exports: PopdbExportsTable;
  popdb_batches: PopdbBatchesTable;
  popdb_rows: PopdbRowsTable;
  popdb_export_records: PopdbExportRecordsTable;
  popdb_decisions: PopdbDecisionsTable;
  ocr_pages: OcrPagesTable;
  ocr_fields: OcrFieldsTable;
  ocr_thresholds: OcrThresholdsTable;
  upload_locks: UploadLocksTable;
}

/** 0033: the lease of one resumable upload's tus lock (src/ingest db-locker.ts). */
export interface UploadLocksTable {
  upload_id: string;
  holder: string;
  leased_until: ColumnType<Date, Date | string, Date | string>;
  release_requested: ColumnType<boolean, boolean | undefined, boolean>;
}

/** 0022: OCR of a page (read or skipped, why), the officer's handwritten mark. */
export interface OcrPagesTable {
  page_id: string;
  book_id: string;
  status: Generated<string>;
  reason: Generated<string>;
  handwritten_mark: Generated<boolean>;
  engine: Generated<string>;
  skew: number | null;
  mean_confidence: number | null;
  read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** 0022: one field read by the machine on a page. */
export interface OcrFieldsTable {
  page_id: string;
  row_index: number;
  field: string;
  kind: string;
  raw_text: string;
  value: string;
  confidence: number;
  box: Json<{ x: number; y: number; w: number; h: number }>;
  uncertain: JsonWithDefault<string[]>;
}

/** 0022: pre-fill threshold per field kind, from measured accuracy. */
export interface OcrThresholdsTable {
  kind: string;
  threshold: number;
  samples: Generated<number>;
  accuracy: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type LoginAttemptRow = Selectable<LoginAttemptsTable>;
export type Book = Selectable<BooksTable>;
export type NewBook = Insertable<BooksTable>;
export type RecordRow = Selectable<RecordsTable>;
export type RecordAction = Selectable<RecordActionsTable>;
export type ExportRow = Selectable<ExportsTable>;
export type ExportChangeRow = Selectable<ExportChangesTable>;
/** An action to append: its province_code is the record's, which the repository names (src/entry actions.repo). */
export type NewRecordAction = Omit<Insertable<RecordActionsTable>, 'province_code'>;
export type ImportRow = Selectable<ImportsTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type UserGrantRow = Selectable<UserGrantsTable>;
export type EntityAction = Selectable<EntityActionsTable>;
export type AccessLogRow = Selectable<AccessLogTable>;
export type AuditHeadRow = Selectable<AuditHeadsTable>;
export type AuditCheckpointRow = Selectable<AuditCheckpointsTable>;
export type ExtractCopyRow = Selectable<ExtractCopiesTable>;
export type ExtractRequestRow = Selectable<ExtractRequestsTable>;
