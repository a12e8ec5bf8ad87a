/**
 * Links by reference, not by guess (EXTRACTS-LINKAGE §2.4 "deterministic
 * pass first"): a TĐCC entry names the registration it changes (số, quyển,
 * nơi đăng ký of the original: soDangKyHSGoc, quyenDangKyHSGoc,
 * noiDangKyHSGoc); the registration holding those is its target. The name
 * may legitimately differ (the change may be the name), so it is shown in
 * the explanation but does not decide. The paper it names (tenGiayToHoTich:
 * "Giấy khai sinh") narrows the register type, since books of different
 * types share số, quyển and authority.
 */
import { DEM, HO, TEN } from './compare.js';
import type { Person } from './features.js';
import type { Candidate } from './link.js';
import { statusOf } from './score.js';

export function correctionLinks(persons: readonly Person[]): Candidate[] {
  const byReg = new Map<string, Person[]>();
  for (const p of persons) {
    if (p.registerType === 'TDCC' || p.so === '') continue;
    const k = [p.so, p.quyenSo, p.regPlace].join('|');
    const list = byReg.get(k);
    if (list) list.push(p);
    else byReg.set(k, [p]);
  }
  const out: Candidate[] = [];
  for (const t of persons) {
    if (t.ref === '') continue;
    for (const target of byReg.get(t.ref) ?? []) {
      if (t.refType !== '' && target.registerType !== t.refType) continue;
      const [x, y] = t.recordId < target.recordId ? [t, target] : [target, t];
      const names = [TEN, HO, DEM].map((c) => {
        const l = c.compare(t, target);
        return { field: c.id, label: c.label, status: statusOf(l, c.levels.length), level: l < 0 ? 'thiếu ở một bên' : c.levels[l]!, weight: 0 };
      });
      out.push({
        kind: 'correction',
        a: x.recordId,
        b: y.recordId,
        roleA: x.role,
        roleB: y.role,
        probability: 1,
        weight: 99,
        explanation: { prior: 0, fields: [{ field: 'thamChieu', label: 'Số, quyển, nơi đăng ký gốc', status: 'agree', level: 'trùng khớp', weight: 0 }, ...names], rules: ['tham-chieu-dang-ky-goc'] },
      });
    }
  }
  return out;
}
