/** The shapes the books screens read from the API: the server's own types (type-only imports). */
export type { BookView as Book, PageView as Page } from '../../archive/index.js';
export type { IngestSummary } from '../../ingest/index.js';

/** Stable codes from the server, translated here and only here. */
export const FLAG_LABELS: Record<string, string> = {
  'quality.low_resolution': 'Độ phân giải thấp',
  'quality.blank': 'Trang trắng',
  'quality.near_duplicate': 'Gần trùng trang khác',
};

export const PAGE_STATUS_LABELS: Record<string, string> = { present: 'Có ảnh', missing: 'Thiếu trang', blank: 'Trang trắng' };
