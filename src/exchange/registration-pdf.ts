/**
 * The delivery PDF of one registration: its scanned pages, one A4 page each
 * (landscape for wide scans), every image re-encoded to about
 * `targetBytesPerPage` (page-image.ts). Metadata: Title (NFC), Producer and
 * Creator "hotich", Lang vi-VN; no dates unless given, so the same input gives
 * the same bytes.
 */
import { PDFDocument } from 'pdf-lib';
import { Invalid } from '../core/index.js';
import { encodePage, MIN_QUALITY, type EncodedPage } from './page-image.js';

export const DEFAULT_TARGET_BYTES_PER_PAGE = 100_000;
/** A page may exceed the target by this factor before it is reported. */
export const OVERSHOOT_WARNING = 1.5;
export const PRODUCER = 'hotich';

export interface RegistrationPage {
  image: Buffer;
  mime: 'image/jpeg' | 'image/png';
  /** Declared size in pixels (as displayed); the decoded image wins, a mismatch is reported. */
  width: number;
  height: number;
}

export interface RegistrationPdfOptions {
  targetBytesPerPage?: number;
  title?: string;
  /** Written as CreationDate/ModDate when given. */
  createdAt?: Date;
}

export interface RegistrationPdf {
  pdf: Buffer;
  /** Bytes of each page's embedded JPEG. */
  pageBytes: number[];
  /** Vietnamese notes for the operator (oversized pages, wrong declared sizes). */
  warnings: string[];
}

export async function registrationPdf(pages: RegistrationPage[], opts: RegistrationPdfOptions = {}): Promise<RegistrationPdf> {
  if (pages.length === 0) throw new Invalid('exchange.pdf_no_pages', 'Hồ sơ đăng ký phải có ít nhất một trang ảnh.');
  const target = opts.targetBytesPerPage ?? DEFAULT_TARGET_BYTES_PER_PAGE;
  if (!(target > 0)) throw new Invalid('exchange.pdf_target', 'Dung lượng mục tiêu mỗi trang phải lớn hơn 0.');
  const doc = await PDFDocument.create({ updateMetadata: false });
  setMetadata(doc, opts);
  const pageBytes: number[] = [];
  const warnings: string[] = [];
  for (const [i, page] of pages.entries()) {
    const encoded = await encodePage(page.image, page.mime, target);
    warnings.push(...pageWarnings(i + 1, page, encoded, target));
    const image = await doc.embedJpg(encoded.jpeg);
    const { pageWidth, pageHeight, x, y, width, height } = encoded.placement;
    doc.addPage([pageWidth, pageHeight]).drawImage(image, { x, y, width, height });
    pageBytes.push(encoded.jpeg.length);
  }
  return { pdf: Buffer.from(await doc.save()), pageBytes, warnings };
}

function setMetadata(doc: PDFDocument, opts: RegistrationPdfOptions): void {
  if (opts.title !== undefined) doc.setTitle(opts.title.normalize('NFC'), { showInWindowTitleBar: true });
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  doc.setLanguage('vi-VN');
  if (opts.createdAt) {
    doc.setCreationDate(opts.createdAt);
    doc.setModificationDate(opts.createdAt);
  }
}

function pageWarnings(n: number, page: RegistrationPage, encoded: EncodedPage, target: number): string[] {
  const warnings: string[] = [];
  const kb = (b: number) => Math.round(b / 1000);
  if (encoded.jpeg.length > OVERSHOOT_WARNING * target) {
    warnings.push(
      `Trang ${n}: ảnh vẫn ${kb(encoded.jpeg.length)} KB ở chất lượng ${encoded.quality} (thấp nhất ${MIN_QUALITY}), vượt ${String(OVERSHOOT_WARNING).replace('.', ',')} lần mức ${kb(target)} KB.`,
    );
  }
  if (page.width !== encoded.sourceWidth || page.height !== encoded.sourceHeight) {
    warnings.push(`Trang ${n}: kích thước khai báo ${page.width}×${page.height} không khớp với ảnh thực tế ${encoded.sourceWidth}×${encoded.sourceHeight}; đã dùng kích thước của ảnh.`);
  }
  return warnings;
}
