/**
 * What an acceptance report says (QC.md §4.2), as rows of Vietnamese text
 * shared by the PDF and the xlsx: lot, plan, sample (seed, sampler, records),
 * findings (every error), statistics (rates with 95 % Clopper–Pearson
 * intervals, upper bounds, targets; Wilson shown), both decision rules and
 * which one decides, the decision and who decided. Pure; strings NFC.
 */
import type { RateStats } from './acceptance.js';
import type { SampleItem } from './lot-checks.service.js';
import type { LotView } from './lot.service.js';

export interface ReportSection {
  title: string;
  rows: [string, string][];
}

export interface ReportContent {
  title: string;
  sections: ReportSection[];
  sample: { seq: number; position: number; recordId: string; checked: string; errors: number }[];
  errors: { recordId: string; field: string; group: string; keyed: string; correct: string }[];
}

export const pct = (x: number, digits = 3): string => `${(x * 100).toFixed(digits).replace('.', ',')} %`;
const iv = (s: RateStats) => `[${pct(s.interval.lower)}; ${pct(s.interval.upper)}]`;
const verdictText = (v: string) => (v === 'accept' ? 'ĐẠT (chấp nhận lô)' : 'KHÔNG ĐẠT (trả lô về nhập liệu)');
const STATUS: Record<string, string> = { sampling: 'Đang kiểm tra mẫu', accepted: 'Đã nghiệm thu — ĐẠT', rejected: 'Đã nghiệm thu — KHÔNG ĐẠT' };

function planRows(lot: LotView): [string, string][] {
  const p = lot.plan;
  if (p.kind === 'iso2859') {
    return [
      ['Phương án', `ISO 2859-1 lấy mẫu một lần, đơn vị mẫu: bản ghi; bản ghi không phù hợp = có ít nhất một trường trọng yếu sai`],
      ['Mức kiểm tra / chế độ', `${p.level} / ${p.severity === 'normal' ? 'thường' : p.severity === 'tightened' ? 'chặt' : 'giảm'}`],
      ['AQL', `${String(p.aql).replace('.', ',')} % bản ghi không phù hợp`],
      ['Chữ mã cỡ mẫu', p.codeLetter === p.planLetter ? p.codeLetter : `${p.codeLetter} → ${p.planLetter}`],
      ['Cỡ mẫu n / Ac / Re', `${p.sampleSize}${p.fullInspection ? ' (kiểm tra 100 %)' : ''} / ${p.ac} / ${p.re}`],
      ['Quy tắc quyết định', 'Số Ac/Re của ISO 2859-1 (khoảng tin cậy Clopper–Pearson chỉ để tham khảo)'],
    ];
  }
  return [
    ['Phương án', `Đủ số trường để cận trên tin cậy 95 % (Clopper–Pearson một phía) của tỉ lệ lỗi thấp hơn 1 − chỉ tiêu khi gặp ≤ ${p.expectedErrors} lỗi`],
    ['Số trường cần', `trọng yếu ${p.fieldsNeeded.critical}, trường khác ${p.fieldsNeeded.other}`],
    ['Cỡ mẫu dự kiến', `${p.sampleSize} bản ghi${p.fullInspection ? ' (kiểm tra 100 %)' : ''}`],
    ['Quy tắc quyết định', 'Cận trên Clopper–Pearson một phía 95 % ≤ 1 − chỉ tiêu, cho cả trường trọng yếu và trường khác'],
  ];
}

function statRows(lot: LotView): [string, string][] {
  const f = lot.findings;
  const row = (name: string, g: typeof f.critical): [string, string] => [
    name,
    `${g.errors}/${g.units} trường sai = ${pct(g.rate)}; KTC 95 % ${iv(g)}; cận trên 95 % ${pct(g.upper)} (tối đa cho phép ${pct(g.maxErrorRate)}, chỉ tiêu ${pct(g.target, 1)}); Wilson [${pct(g.wilson.lower)}; ${pct(g.wilson.upper)}]`,
  ];
  return [
    row('Trường trọng yếu', f.critical),
    row('Trường khác', f.other),
    ['Bản ghi không phù hợp', `${f.nonconformingRecords.errors}/${f.nonconformingRecords.units} = ${pct(f.nonconformingRecords.rate, 2)}; KTC 95 % ${iv(f.nonconformingRecords)}`],
    ['Bản ghi có lỗi (mọi trường)', String(f.recordsWithErrors)],
  ];
}

function decisionRows(lot: LotView): [string, string][] {
  const d = lot.proposed;
  if (!d) return [['Kết luận', `Chưa kiểm tra hết mẫu (${lot.progress.checked}/${lot.progress.sampled} bản ghi)`]];
  const iso = d.isoVerdict
    ? `${verdictText(d.isoVerdict.verdict)}: ${d.isoVerdict.nonconforming} bản ghi không phù hợp, Ac = ${d.isoVerdict.ac}, Re = ${d.isoVerdict.re}`
    : 'không áp dụng (phương án không theo ISO)';
  const cv = d.confidenceVerdict;
  return [
    ['Theo Ac/Re (ISO 2859-1)', iso],
    ['Theo cận trên Clopper–Pearson', `${verdictText(cv.verdict)} (trọng yếu: ${cv.critical ? 'đạt' : 'không đạt'}; trường khác: ${cv.other ? 'đạt' : 'không đạt'})`],
    ['Quy tắc quyết định', d.decidedBy === 'ac_re' ? 'Ac/Re của ISO 2859-1' : 'Cận trên Clopper–Pearson'],
    ['Kết luận', verdictText(d.verdict)],
    ['Trạng thái', STATUS[lot.status] ?? lot.status],
    ['Người quyết định', lot.decidedByName ?? '—'],
    ['Thời điểm quyết định', lot.decidedAt ? lot.decidedAt.toISOString() : '—'],
    ['Ghi chú', lot.note || '—'],
  ];
}

export function reportContent(lot: LotView, sample: SampleItem[], labelOf: (fieldKey: string) => string): ReportContent {
  const books = lot.scope.books.map((b) => b.label).join('; ');
  const scope = lot.scope.kind === 'unit' ? `Đơn vị ${lot.scope.unitCode}, năm ${lot.scope.yearFrom}–${lot.scope.yearTo}` : 'Các quyển sổ được chọn';
  const sections: ReportSection[] = [
    {
      title: 'Lô',
      rows: [
        ['Mã lô', lot.id],
        ['Phạm vi', scope],
        ['Quyển sổ', books],
        ['Số bản ghi của lô (N)', String(lot.lotSize)],
        ['Mã băm danh sách (SHA-256)', lot.manifestHash],
      ],
    },
    { title: 'Phương án lấy mẫu', rows: [...planRows(lot), ['Chỉ tiêu', `trường trọng yếu ≥ ${pct(lot.targets.critical, 1)}, trường khác ≥ ${pct(lot.targets.other, 1)}`]] },
    {
      title: 'Mẫu',
      rows: [
        ['Hạt giống (seed)', lot.seed],
        ['Thuật toán', `${lot.sampler} (SHA-256(seed,i) mod N, bỏ trùng)`],
        ['Số bản ghi trong mẫu', String(lot.progress.sampled)],
        ['Đã kiểm tra', String(lot.progress.checked)],
        ['Lập lúc', lot.createdAt.toISOString()],
      ],
    },
    { title: 'Thống kê (khoảng tin cậy 95 %)', rows: statRows(lot) },
    { title: 'Quyết định', rows: decisionRows(lot) },
  ];
  const errors = lot.findings.errors.map((e) => ({ recordId: e.recordId, field: labelOf(e.fieldKey), group: e.critical ? 'trọng yếu' : 'khác', keyed: e.keyedValue, correct: e.correctValue ?? '' }));
  const sampleRows = sample.map((s) => ({ seq: s.seq, position: s.position, recordId: s.recordId, checked: s.checked ? 'đã kiểm tra' : 'chưa', errors: s.errors }));
  const nfc = (s: string) => s.normalize('NFC');
  return {
    title: nfc('BIÊN BẢN NGHIỆM THU DỮ LIỆU HỘ TỊCH THEO MẪU'),
    sections: sections.map((s) => ({ title: nfc(s.title), rows: s.rows.map(([a, b]) => [nfc(a), nfc(b)] as [string, string]) })),
    sample: sampleRows,
    errors: errors.map((e) => ({ ...e, field: nfc(e.field), keyed: nfc(e.keyed), correct: nfc(e.correct) })),
  };
}
