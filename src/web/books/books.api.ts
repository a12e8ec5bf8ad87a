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

/** books.status in the order a book goes through the line, as the server words it (src/archive/book-status.ts; books.test.ts keeps them equal). */
export const BOOK_STATUS_LABELS: Record<string, string> = {
  inventoried: 'Đã kiểm kê',
  scanning: 'Đang quét',
  keying: 'Đang nhập liệu',
  checking: 'Đang kiểm tra',
  accepted: 'Đã nghiệm thu',
  exported: 'Đã xuất dữ liệu',
  loaded: 'Đã đưa vào CSDL hộ tịch điện tử',
};
