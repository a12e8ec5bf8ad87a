/**
 * Resolving the ethnicity (dân tộc) written in a register to one of the 54
 * groups (ethnic-groups.ts), "Người nước ngoài" (55) or "Khác" (code '').
 * The book's own text is kept by the caller; this only says what it means:
 * exact (already the canonical name), alias (old or other name: "Mèo" ->
 * Mông), ambiguous ("Thổ", "Xá") or unknown. Severity (DOMAIN §2.1, §2.4):
 * unknown is an ERROR, alias and ambiguous are WARNINGs.
 */
import { ETHNIC_GROUPS, ETHNICITY_OTHER, type EthnicGroup } from './ethnic-groups.js';
import { makeIssue, type VnIssue } from './finding.js';
import { createCatalog } from './name-catalog.js';
import { cleanText } from './text.js';

export type EthnicityMatch =
  { status: 'exact'; group: EthnicGroup } | { status: 'alias'; group: EthnicGroup; alias: string } | { status: 'ambiguous'; candidates: EthnicGroup[] } | { status: 'unknown' };

const catalog = createCatalog([...ETHNIC_GROUPS, ETHNICITY_OTHER], ['dan toc', 'dt', 'nguoi']);

export function resolveEthnicity(text: string): EthnicityMatch {
  const found = catalog.lookup(text);
  switch (found.status) {
    case 'exact':
      return { status: 'exact', group: found.entry };
    case 'alias':
      return { status: 'alias', group: found.entry, alias: found.alias };
    case 'ambiguous':
      return { status: 'ambiguous', candidates: found.candidates };
    case 'unknown':
      return { status: 'unknown' };
  }
}

/** Keys that name several groups on purpose ("tho", "xa"...), for review. */
export function ambiguousEthnicityKeys(): string[] {
  return catalog.ambiguousKeys();
}

function describe(group: EthnicGroup): string {
  return group.code === '' ? group.name : `${group.name} (mã ${group.code})`;
}

/** undefined for empty text or a canonical name; a WARNING or ERROR otherwise. */
export function ethnicityIssue(text: string): VnIssue | undefined {
  const written = cleanText(text);
  if (written === '') return undefined;
  const found = resolveEthnicity(written);
  switch (found.status) {
    case 'exact':
      return undefined;
    case 'alias':
      return makeIssue('ethnicity.alias', 'WARNING', `"${written}" được hiểu là dân tộc ${describe(found.group)}; tên chuẩn là "${found.group.name}" ` + '(giữ cách ghi trong sổ ở phần ghi chú)');
    case 'ambiguous':
      return makeIssue('ethnicity.ambiguous', 'WARNING', `"${written}" có thể chỉ nhiều dân tộc: ${found.candidates.map(describe).join(', ')}; ` + 'hãy xác định theo sổ gốc và địa phương');
    case 'unknown':
      return makeIssue('ethnicity.unknown', 'ERROR', `"${written}" không có trong danh mục 54 dân tộc`);
  }
}
