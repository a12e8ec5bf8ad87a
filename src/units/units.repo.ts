/**
 * Queries on the administrative-unit tables. Nothing but Kysely here; the
 * import rules live in import.service.ts.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/index.js';
import type { IndexRows, IndexedUnit } from './unit-index.js';
import type { UnitKind, UnitLevel, UnitScheme } from './unit.types.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface UnitRow {
  id: string;
  scheme: UnitScheme;
  level: UnitLevel;
  code: string;
  name: string;
  kind: UnitKind;
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  source: string;
}

const CHUNK = 500;

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

export async function countUnits(db: Db): Promise<number> {
  const row = await db
    .selectFrom('admin_units')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listUnits(db: Db): Promise<UnitRow[]> {
  return (await db.selectFrom('admin_units').select(['id', 'scheme', 'level', 'code', 'name', 'kind', 'parent_id', 'valid_from', 'valid_to', 'source']).execute()) as UnitRow[];
}

export async function listSuccessors(db: Db): Promise<{ from_id: string; to_id: string; is_main: boolean }[]> {
  return db.selectFrom('admin_unit_successors').select(['from_id', 'to_id', 'is_main']).execute();
}

export async function listAliases(db: Db): Promise<{ unit_id: string; alias: string; alias_key: string }[]> {
  return db.selectFrom('admin_unit_aliases').select(['unit_id', 'alias', 'alias_key']).execute();
}

export async function insertUnits(db: Db, rows: readonly UnitRow[]): Promise<void> {
  await inChunks(rows, (chunk) => db.insertInto('admin_units').values(chunk).execute());
}

export async function updateUnit(db: Db, row: UnitRow): Promise<void> {
  const { id, ...rest } = row;
  await db
    .updateTable('admin_units')
    .set({ ...rest, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function insertSuccessors(db: Db, rows: readonly { from_id: string; to_id: string; is_main: boolean; source: string }[]): Promise<void> {
  await inChunks(rows, (chunk) => db.insertInto('admin_unit_successors').values(chunk).execute());
}

export async function setSuccessorMain(db: Db, fromId: string, toId: string, main: boolean): Promise<void> {
  await db.updateTable('admin_unit_successors').set({ is_main: main }).where('from_id', '=', fromId).where('to_id', '=', toId).execute();
}

export async function insertAliases(db: Db, rows: readonly { unit_id: string; alias: string; alias_key: string; source: string; year: string | null }[]): Promise<void> {
  await inChunks(rows, (chunk) => db.insertInto('admin_unit_aliases').values(chunk).execute());
}

export async function insertImportLog(
  db: Db,
  row: { source: string; format: string; sha256: string; added: number; changed: number; unchanged: number; report: Record<string, unknown> },
): Promise<void> {
  await db.insertInto('admin_unit_imports').values(row).execute();
}

/** Everything the in-memory index needs, in three queries. */
export async function loadIndexRows(db: Db): Promise<IndexRows> {
  const [units, successors, aliases] = await Promise.all([listUnits(db), listSuccessors(db), listAliases(db)]);
  return {
    units: units.map((u): IndexedUnit => ({
      id: u.id,
      scheme: u.scheme,
      level: u.level,
      code: u.code,
      name: u.name,
      kind: u.kind,
      parentId: u.parent_id,
      validFrom: u.valid_from,
      validTo: u.valid_to,
    })),
    successors: successors.map((s) => ({ fromId: s.from_id, toId: s.to_id, main: s.is_main })),
    aliases: aliases.map((a) => ({ unitId: a.unit_id, alias: a.alias })),
  };
}

/** Recomputes admin_unit_within (which unit lies within which, through parents and main successors) after a list import. */
export async function rebuildWithin(db: Db): Promise<void> {
  await sql`select rebuild_admin_unit_within()`.execute(db);
}
