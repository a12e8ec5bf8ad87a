/**
 * Importing unit lists: one transaction for everything a file (or the
 * built-in packages) brings, so a bad file changes nothing; importing the
 * same content twice changes nothing and says so. Units are added or
 * updated (never deleted), successor links keep exactly one main successor
 * per unit, aliases are added once per (unit, key).
 */
import type { Kysely, Transaction } from 'kysely';
import { Invalid } from '../core/index.js';
import type { Database } from '../store/index.js';
import { aliasTargets } from './alias-resolve.js';
import { historicSuccessors, historicUnits } from './historic-provinces.js';
import { placeKey } from './unit-index.js';
import { parentLevel, UNIT_LEVELS, unitId, type AliasRecord, type UnitBatch, type UnitRecord } from './unit.types.js';
import * as repo from './units.repo.js';

export interface ImportCounts {
  units: number;
  successors: number;
  aliases: number;
}

export interface ImportReport {
  source: string;
  format: string;
  added: ImportCounts;
  changed: ImportCounts;
  unchanged: ImportCounts;
  warnings: string[];
}

const zero = (): ImportCounts => ({ units: 0, successors: 0, aliases: 0 });

function toRow(u: UnitRecord, source: string): repo.UnitRow {
  const level = parentLevel(u);
  const parent = u.parentCode && level ? unitId({ scheme: u.scheme, level, code: u.parentCode }) : null;
  return { id: unitId(u), scheme: u.scheme, level: u.level, code: u.code, name: u.name, kind: u.kind, parent_id: parent, valid_from: u.validFrom ?? null, valid_to: u.validTo ?? null, source };
}

const sameUnit = (a: repo.UnitRow, b: repo.UnitRow) => a.name === b.name && a.kind === b.kind && a.parent_id === b.parent_id && a.valid_from === b.valid_from && a.valid_to === b.valid_to;

/** Keeps what a batch does not say (a list without validity dates does not erase them). */
function merged(old: repo.UnitRow | undefined, row: repo.UnitRow): repo.UnitRow {
  if (!old) return row;
  return { ...row, parent_id: row.parent_id ?? old.parent_id, valid_from: row.valid_from ?? old.valid_from, valid_to: row.valid_to ?? old.valid_to };
}

type Tx = Transaction<Database>;

/** Another spelling of a known unit in a reference list ("Sà Phìn" for "Xà Phìn") is kept as an alias. */
function spellingVariant(old: repo.UnitRow | undefined, u: UnitRecord, batch: UnitBatch): AliasRecord | undefined {
  if (!batch.unitsAreReferences || !old || placeKey(old.name).key === placeKey(u.name).key) return undefined;
  return { unit: { scheme: u.scheme, level: u.level, code: u.code }, alias: u.name, source: batch.source };
}

async function importUnits(tx: Tx, batch: UnitBatch, known: Map<string, repo.UnitRow>, r: ImportReport): Promise<AliasRecord[]> {
  const order = (u: UnitRecord) => UNIT_LEVELS.indexOf(u.level);
  const fresh: repo.UnitRow[] = [];
  const variants: AliasRecord[] = [];
  for (const u of [...batch.units].sort((a, b) => order(a) - order(b))) {
    const old = known.get(unitId(u));
    const variant = spellingVariant(old, u, batch);
    if (variant) variants.push(variant);
    const row = batch.unitsAreReferences && old ? old : merged(old, toRow(u, batch.source));
    if (row.parent_id && !known.has(row.parent_id)) {
      throw new Invalid('units.missing_parent', `Đơn vị "${u.name}" (mã ${u.code}) thuộc đơn vị ${row.parent_id} chưa có trong danh mục; hãy nhập danh sách cấp trên trước.`);
    }
    if (old && (sameUnit(old, row) || batch.unitsAreReferences)) r.unchanged.units++;
    else if (old) {
      await repo.updateUnit(tx, row);
      r.changed.units++;
    } else {
      fresh.push(row);
      r.added.units++;
    }
    known.set(row.id, row);
  }
  await repo.insertUnits(tx, fresh);
  return variants;
}

type Link = { from_id: string; to_id: string; is_main: boolean };

async function linksByFrom(tx: Tx): Promise<Map<string, Map<string, Link>>> {
  const out = new Map<string, Map<string, Link>>();
  for (const l of await repo.listSuccessors(tx)) out.set(l.from_id, (out.get(l.from_id) ?? new Map()).set(l.to_id, l));
  return out;
}

async function importSuccessors(tx: Tx, batch: UnitBatch, known: Map<string, repo.UnitRow>, r: ImportReport): Promise<void> {
  const links = await linksByFrom(tx);
  const fresh: (Link & { source: string })[] = [];
  for (const s of batch.successors) {
    const [from, to] = [unitId(s.from), unitId(s.to)];
    if (!known.has(from) || !known.has(to)) throw new Invalid('units.missing_successor_unit', `Liên kết kế thừa ${from} → ${to} nêu đơn vị chưa có trong danh mục.`);
    const siblings = links.get(from) ?? new Map<string, Link>();
    links.set(from, siblings);
    if (s.main) for (const l of siblings.values()) if (l.to_id !== to && l.is_main) await demote(tx, l, r);
    const old = siblings.get(to);
    if (!old) {
      const link = { from_id: from, to_id: to, is_main: s.main, source: batch.source };
      fresh.push(link);
      siblings.set(to, link);
      r.added.successors++;
    } else if (!old.is_main && s.main) {
      await repo.setSuccessorMain(tx, from, to, true);
      old.is_main = true;
      r.changed.successors++;
    } else r.unchanged.successors++;
  }
  await repo.insertSuccessors(tx, fresh);
}

async function demote(tx: Tx, link: Link, r: ImportReport): Promise<void> {
  link.is_main = false;
  await repo.setSuccessorMain(tx, link.from_id, link.to_id, false);
  r.changed.successors++;
}

async function importAliases(tx: Tx, batch: UnitBatch, known: Map<string, repo.UnitRow>, r: ImportReport): Promise<void> {
  if (batch.aliases.length === 0) return;
  const target = aliasTargets(known.values());
  const have = new Set((await repo.listAliases(tx)).map((a) => `${a.unit_id}|${a.alias_key}`));
  const fresh: { unit_id: string; alias: string; alias_key: string; source: string; year: string | null }[] = [];
  for (const a of batch.aliases) {
    const id = target(a);
    const key = placeKey(a.alias).key;
    if (!id || !known.has(id)) {
      r.warnings.push(`Không tìm thấy đơn vị cho tên cũ "${a.alias}" (${JSON.stringify(a.unit)}); dòng này được bỏ qua.`);
      continue;
    }
    if (!key || have.has(`${id}|${key}`)) {
      r.unchanged.aliases++;
      continue;
    }
    have.add(`${id}|${key}`);
    fresh.push({ unit_id: id, alias: a.alias, alias_key: key, source: a.source ?? batch.source, year: a.year ?? null });
    r.added.aliases++;
  }
  await repo.insertAliases(tx, fresh);
}

/** The historic provinces, once the legacy provinces they became are known. */
export function historicBatch(): UnitBatch {
  return { format: 'historic-provinces', source: 'hotich (dữ kiện lịch sử)', units: historicUnits(), successors: historicSuccessors(), aliases: [], warnings: [] };
}

function historicReady(known: Map<string, repo.UnitRow>): boolean {
  return historicSuccessors().every((s) => s.to.scheme === 'historic' || known.has(unitId(s.to)));
}

async function importOne(tx: Tx, batch: UnitBatch, known: Map<string, repo.UnitRow>): Promise<ImportReport> {
  const r: ImportReport = { source: batch.source, format: batch.format, added: zero(), changed: zero(), unchanged: zero(), warnings: [...batch.warnings] };
  const variants = await importUnits(tx, batch, known, r);
  await importSuccessors(tx, batch, known, r);
  await importAliases(tx, { ...batch, aliases: [...batch.aliases, ...variants] }, known, r);
  return r;
}

const total = (c: ImportCounts) => c.units + c.successors + c.aliases;

async function log(tx: Tx, r: ImportReport, sha256: string): Promise<void> {
  await repo.insertImportLog(tx, { source: r.source, format: r.format, sha256, added: total(r.added), changed: total(r.changed), unchanged: total(r.unchanged), report: { ...r } });
}

/** Imports the batches in order, in one transaction, then the historic provinces when they can be linked. */
export async function importBatches(db: Kysely<Database>, batches: readonly UnitBatch[], sha256: string): Promise<ImportReport[]> {
  return db.transaction().execute(async (tx) => {
    const known = new Map((await repo.listUnits(tx)).map((u) => [u.id, u]));
    const reports: ImportReport[] = [];
    for (const b of batches) {
      const r = await importOne(tx, b, known);
      await log(tx, r, sha256);
      reports.push(r);
    }
    if (historicReady(known) && !batches.some((b) => b.format === 'historic-provinces')) {
      const h = await importOne(tx, historicBatch(), known);
      if (total(h.added) + total(h.changed) > 0) {
        await log(tx, h, 'builtin');
        reports.push(h);
      }
    }
    if (reports.some((r) => total(r.added) + total(r.changed) > 0)) await repo.rebuildWithin(tx);
    return reports;
  });
}
