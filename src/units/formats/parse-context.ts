/**
 * What every format parser gets (the data rows, a column reader, the batch
 * being built) and the one step they all share: read a unit from named
 * columns of a row, check it, and add it to the batch.
 */
import { CODE_WIDTH } from '../unit-code.js';
import { nameUnit } from '../unit-naming.js';
import type { UnitKind, UnitLevel, UnitRecord, UnitScheme } from '../unit.types.js';
import type { BatchBuilder } from './batch-builder.js';
import type { RowReader } from './row-reader.js';
import type { TableRow } from './table-row.js';
import { fileError } from './unit-file-error.js';

export interface ParseContext {
  rows: readonly TableRow[];
  read: RowReader;
  batch: BatchBuilder;
}

export interface UnitColumns {
  scheme: UnitScheme;
  level: UnitLevel;
  code: string;
  name: string;
  /** A column giving the kind ("Cấp", "wardType"). */
  type?: string;
  parentCode?: string;
  /** The kind of a name written without its kind word. */
  fallback?: UnitKind;
  /** Last word on the kind once known (a city of a centrally-run city). */
  refine?: (kind: UnitKind) => UnitKind;
}

export function takeUnit(ctx: ParseContext, row: TableRow, spec: UnitColumns): UnitRecord {
  const code = ctx.read.code(row, spec.code, CODE_WIDTH[spec.level]);
  const type = spec.type === undefined ? undefined : ctx.read.text(row, spec.type);
  const named = nameUnit({ level: spec.level, name: ctx.read.required(row, spec.name), type, fallback: spec.fallback });
  if (!named.ok) throw fileError('units.unknown_kind', ctx.read.fileName, named.reason, row.line);
  const kind = spec.refine ? spec.refine(named.kind) : named.kind;
  const unit: UnitRecord = { scheme: spec.scheme, level: spec.level, code, name: named.name, kind };
  if (spec.parentCode !== undefined) unit.parentCode = spec.parentCode;
  ctx.batch.addUnit(unit, row.line, named.doubt);
  return unit;
}
