/**
 * Collects what a file contributes. A unit named on many rows (a province on
 * every commune row) is kept once; the same code with another name or parent
 * inside one file is a 'units.conflict'; the same name spelt differently
 * (tone placement "Hoà"/"Hòa", case, hyphen) is kept as first seen, with a
 * warning. Successor links are kept once per (from, to). A format whose units
 * are only references (the mapping) marks its batch `unitsAreReferences`.
 */
import { searchKey } from '../../vn/index.js';
import { UNIT_LEVEL_WORDS, unitId, type AliasRecord, type SuccessorLink, type UnitBatch, type UnitRecord } from '../unit.types.js';
import { fileError, where } from './unit-file-error.js';
import { getUnitFormat, type UnitFormatId } from './format-catalog.js';

interface Seen {
  unit: UnitRecord;
  line: number;
}

export class BatchBuilder {
  private readonly units = new Map<string, Seen>();
  private readonly links = new Map<string, SuccessorLink>();
  private readonly aliases: AliasRecord[] = [];
  private readonly warnings: string[] = [];

  constructor(
    readonly format: UnitFormatId,
    readonly fileName: string,
  ) {}

  warn(line: number | undefined, detail: string): void {
    this.warnings.push(`${where(this.fileName, line)}: ${detail}`);
  }

  /** Warnings already written in full (they name the file). */
  addWarnings(messages: readonly string[]): void {
    this.warnings.push(...messages);
  }

  /** `doubt` is reported only the first time the unit is met. */
  addUnit(unit: UnitRecord, line: number, doubt?: string): void {
    const id = unitId(unit);
    const seen = this.units.get(id);
    if (!seen) {
      this.units.set(id, { unit, line });
      if (doubt) this.warn(line, doubt);
      return;
    }
    this.checkRepeat(seen, unit, line);
  }

  private checkRepeat(seen: Seen, unit: UnitRecord, line: number): void {
    const old = seen.unit;
    const what = `mã ${UNIT_LEVEL_WORDS[unit.level]} ${unit.code}`;
    if (searchKey(old.name) !== searchKey(unit.name)) {
      const detail = `${what} đã có ở dòng ${seen.line} với tên "${old.name}", dòng này lại ghi "${unit.name}".`;
      throw fileError('units.conflict', this.fileName, detail, line);
    }
    if ((old.parentCode ?? '') !== (unit.parentCode ?? '')) {
      const detail = `${what} (${old.name}) thuộc đơn vị cấp trên mã ${old.parentCode ?? '(không có)'} ở dòng ${seen.line}, dòng này lại ghi mã ${unit.parentCode ?? '(không có)'}.`;
      throw fileError('units.conflict', this.fileName, detail, line);
    }
    if (old.name !== unit.name) {
      this.warn(line, `${what} được viết "${unit.name}", khác cách viết "${old.name}" ở dòng ${seen.line}; giữ cách viết đầu tiên.`);
    }
  }

  addSuccessor(link: SuccessorLink): void {
    const key = `${unitId(link.from)}>${unitId(link.to)}`;
    const old = this.links.get(key);
    this.links.set(key, old ? { ...old, main: old.main || link.main } : link);
  }

  addAlias(alias: AliasRecord): void {
    this.aliases.push(alias);
  }

  build(): UnitBatch {
    return {
      format: this.format,
      source: this.fileName,
      units: [...this.units.values()].map((s) => s.unit),
      ...(getUnitFormat(this.format).unitsAreReferences ? { unitsAreReferences: true } : {}),
      successors: [...this.links.values()],
      aliases: this.aliases,
      warnings: this.warnings,
    };
  }
}
