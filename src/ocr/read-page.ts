/**
 * Reading one printed register page: straighten and binarize (preprocess),
 * find the ruled table (table.ts), check its columns against the register
 * type's layout from the catalog, erase the rules, read the table body in one
 * engine call, put each word in the cell under its centre, and cut every
 * cell back into fields with the catalog's splitCell. Per field: the raw text,
 * the engine's confidence (the least sure of its words) and its box on the
 * scan (fractions of the page). A page the engine should not read (handwritten,
 * no table, another layout) is skipped with a stable reason.
 */
import sharp from 'sharp';
import { pageLayoutOf, splitCell } from '../registers/index.js';
import type { OcrBox, OcrEngine, OcrWord } from './engine.js';
import { BLUE_INK_SHARE, blueInkShare } from './handwriting.js';
import { prepare, toScan, type Prepared } from './preprocess.js';
import { eraseRules, findTable, type Table } from './table.js';

export const SKIP_REASONS = {
  marked_handwritten: 'Trang được đánh dấu là viết tay: người nhập liệu nhập như thường lệ.',
  handwriting_detected: 'Trang có vẻ viết tay (mực xanh): người nhập liệu nhập như thường lệ.',
  no_layout: 'Loại sổ này chưa có bố cục trang in trong danh mục.',
  no_table: 'Không tìm thấy bảng kẻ của trang sổ.',
  columns_mismatch: 'Số cột của bảng không khớp với bố cục của loại sổ.',
  engine_unavailable: 'Chưa cài bộ đọc chữ (Tesseract và mô hình tiếng Việt).',
} as const;
export type SkipReason = keyof typeof SKIP_REASONS;

/** A box as fractions of the scanned page. */
export interface PageBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ReadField {
  text: string;
  confidence: number;
  box: PageBox;
  /** Confidence of each word, for the confusion checks. */
  words: { text: string; confidence: number }[];
}

export interface ReadRow {
  /** 0-based slot of the table, top to bottom. */
  row: number;
  fields: Record<string, ReadField>;
}

export type PageReading = { status: 'read'; skew: number; rows: ReadRow[]; meanConfidence: number } | { status: 'skipped'; reason: SkipReason; detail?: string };

export interface ReadPageOptions {
  /** The officer marked the page handwritten. */
  handwritten?: boolean;
}

function unionBox(boxes: readonly OcrBox[]): OcrBox {
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.w));
  const y1 = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** A box of the straightened picture as fractions of the scan (its corners mapped back, bounding box taken). */
function scanBox(p: Prepared, b: OcrBox): PageBox {
  const corners = [toScan(p, b.x, b.y), toScan(p, b.x + b.w, b.y), toScan(p, b.x, b.y + b.h), toScan(p, b.x + b.w, b.y + b.h)];
  const clamp = (v: number) => Math.max(0, Math.min(1, v));
  const x0 = clamp(Math.min(...corners.map((c) => c.x)) / p.scan.width);
  const y0 = clamp(Math.min(...corners.map((c) => c.y)) / p.scan.height);
  const x1 = clamp(Math.max(...corners.map((c) => c.x)) / p.scan.width);
  const y1 = clamp(Math.max(...corners.map((c) => c.y)) / p.scan.height);
  const r = (v: number) => Math.round(v * 10000) / 10000;
  return { x: r(x0), y: r(y0), w: r(x1 - x0), h: r(y1 - y0) };
}

async function bodyPng(p: Prepared, t: Table): Promise<{ png: Buffer; x: number; y: number; scale: number }> {
  const [x, y] = [t.left, t.rows[1]!.at];
  const [w, h] = [t.right - x, t.bottom - y];
  const out = Buffer.alloc(w * h);
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) out[j * w + i] = p.ink[(y + j) * p.gray.width + x + i] ? 0 : 255;
  const scale = 1;
  const png = await sharp(out, { raw: { width: w, height: h, channels: 1 } })
    .resize({ width: Math.round(w * scale) })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png, x, y, scale };
}

/** Specks of noise read as lone punctuation: not text of the register. */
const JUNK = /^[_\-—–~.,'"`|‘’“”:;]+$/u;

const cellIndex = (rules: readonly { at: number }[], v: number): number => {
  for (let i = 0; i + 1 < rules.length; i++) if (v >= rules[i]!.at && v < rules[i + 1]!.at) return i;
  return -1;
};

export async function readPage(engine: OcrEngine, registerType: string, scan: Buffer, opts: ReadPageOptions = {}): Promise<PageReading> {
  if (opts.handwritten) return { status: 'skipped', reason: 'marked_handwritten' };
  const layout = pageLayoutOf(registerType);
  if (!layout) return { status: 'skipped', reason: 'no_layout' };
  const blue = await blueInkShare(scan);
  if (blue > BLUE_INK_SHARE) return { status: 'skipped', reason: 'handwriting_detected', detail: `blue=${blue.toFixed(2)}` };
  const p = await prepare(scan);
  const table = findTable(p.ink, p.gray.width, p.gray.height);
  if (!table || table.rows.length < 3) return { status: 'skipped', reason: 'no_table' };
  if (table.cols.length - 1 !== layout.length) return { status: 'skipped', reason: 'columns_mismatch', detail: `${table.cols.length - 1}/${layout.length}` };
  eraseRules(p.ink, p.gray.width, table);
  const body = await bodyPng(p, table);
  const words = (await engine.recognize(body.png))
    .filter((w) => !JUNK.test(w.text))
    .map((w) => ({
      ...w,
      box: { x: w.box.x / body.scale + body.x, y: w.box.y / body.scale + body.y, w: w.box.w / body.scale, h: w.box.h / body.scale },
    }));
  const slots = table.rows.slice(1);
  const cells = new Map<string, OcrWord[]>();
  for (const w of words) {
    const [cx, cy] = [w.box.x + w.box.w / 2, w.box.y + w.box.h / 2];
    const [r, c] = [cellIndex(slots, cy), cellIndex(table.cols, cx)];
    if (r < 0 || c < 0) continue;
    const key = `${r}/${c}`;
    cells.set(key, [...(cells.get(key) ?? []), w]);
  }
  const rows: ReadRow[] = [];
  for (let r = 0; r + 1 < slots.length; r++) {
    const fields: Record<string, ReadField> = {};
    layout.forEach((col, c) => {
      const cw = (cells.get(`${r}/${c}`) ?? []).sort((a, b) => a.line - b.line || a.box.x - b.box.x);
      for (const part of splitCell(
        col,
        cw.map((w) => w.text),
      )) {
        const used = cw.slice(part.from, part.to);
        if (used.length === 0) continue;
        fields[part.field] = {
          text: part.text,
          confidence: Math.min(...used.map((w) => w.confidence)),
          box: scanBox(p, unionBox(used.map((w) => w.box))),
          words: used.map((w) => ({ text: w.text, confidence: w.confidence })),
        };
      }
    });
    if (Object.keys(fields).length > 0) rows.push({ row: r, fields });
  }
  const mean = words.length === 0 ? 0 : words.reduce((s, w) => s + w.confidence, 0) / words.length;
  return { status: 'read', skew: p.skew, rows, meanConfidence: Math.round(mean * 1000) / 1000 };
}
