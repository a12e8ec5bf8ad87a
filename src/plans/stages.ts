/**
 * The stages of a work package, in order, with their Vietnamese names and the
 * unit each is measured in (what "done" and the unit price count). Pure data,
 * browser-safe.
 */
export const STAGES = ['inventory', 'scan', 'key1', 'key2', 'arbitration', 'acceptance', 'handover', 'loaded'] as const;
export type Stage = (typeof STAGES)[number];

/** What a stage counts: books, pages, registrations or fields. */
export type StageMeasure = 'books' | 'pages' | 'registrations' | 'fields';

export const STAGE_INFO = {
  inventory: { label: 'Kiểm kê', measure: 'books' },
  scan: { label: 'Quét/chụp', measure: 'pages' },
  key1: { label: 'Nhập liệu lần 1', measure: 'registrations' },
  key2: { label: 'Nhập liệu lần 2', measure: 'registrations' },
  arbitration: { label: 'Đối chiếu', measure: 'fields' },
  acceptance: { label: 'Kiểm tra - nghiệm thu', measure: 'registrations' },
  handover: { label: 'Bàn giao', measure: 'books' },
  loaded: { label: 'Đã cập nhật vào Hệ thống', measure: 'books' },
} as const satisfies Record<Stage, { label: string; measure: StageMeasure }>;

export const MEASURE_LABELS = { books: 'quyển', pages: 'trang', registrations: 'trường hợp', fields: 'trường' } as const satisfies Record<StageMeasure, string>;

export function isStage(x: unknown): x is Stage {
  return typeof x === 'string' && (STAGES as readonly string[]).includes(x);
}

/** A stage by its Vietnamese label (xlsx import), case and spacing ignored. */
export function stageByLabel(label: string): Stage | undefined {
  const key = label.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  return STAGES.find((s) => STAGE_INFO[s].label.toLowerCase() === key || s === key);
}
