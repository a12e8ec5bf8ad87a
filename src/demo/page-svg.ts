/**
 * One register page as SVG: aged paper with uneven light and a few stains,
 * the printed heading (authority, "SỔ ĐĂNG KÝ …", "Quyển số: 02/2008", page
 * number), a ruled table with printed column headers and four entry slots,
 * and the page's registrations written in the book's hand: serif italic in
 * blue ink with a slight wobble, or typed (Noto Sans Mono when installed,
 * else an upright serif). Fonts are named with fallbacks (Noto if installed,
 * else DejaVu/Liberation); text is NFC.
 */
import type { DemoBook, DemoHand, DemoPage, DemoRecord } from './demo-truth.js';
import { PAGE_COLUMNS, PAGE_TITLES, type PageColumn } from './page-columns.js';
import type { Rng } from './prng.js';

/** A4 landscape at 200 dpi, the size of every demo page. */
export const DEMO_PAGE = { width: 2339, height: 1654 } as const;

const MARGIN = 80;
const TABLE_TOP = 250;
const HEADER_HEIGHT = 120;
const SLOTS = 4;
const SLOT_HEIGHT = Math.floor((DEMO_PAGE.height - TABLE_TOP - HEADER_HEIGHT - 60) / SLOTS);
const PRINT_FONT = "'Noto Serif', 'DejaVu Serif', 'Liberation Serif', serif";
const RULE = '#4a4038';

interface Hand {
  family: string;
  italic: boolean;
  size: number;
  ink: string;
  /** Average glyph advance in em, for wrapping. */
  advance: number;
}

const HANDS: Record<DemoHand, Hand> = {
  hand: { family: "'Noto Serif', 'DejaVu Serif', 'Liberation Serif', serif", italic: true, size: 21, ink: '#1f2d6e', advance: 0.57 },
  // Not DejaVu Sans Mono or Liberation Mono: they lack the letters with two marks (ố, ễ, ưở) and draw the marks apart.
  typewriter: { family: "'Noto Sans Mono', 'Liberation Serif', 'DejaVu Serif', serif", italic: false, size: 20, ink: '#2a2a2a', advance: 0.6 },
};

const escapeXml = (s: string): string => s.normalize('NFC').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Greedy word wrap to at most `max` characters a line (a longer word stands alone). */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

function columnEdges(columns: readonly PageColumn[]): number[] {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const scale = (DEMO_PAGE.width - 2 * MARGIN) / total;
  const edges = [MARGIN];
  for (const c of columns) edges.push(edges[edges.length - 1]! + c.width * scale);
  return edges.map(Math.round);
}

/** Paper that yellows with age: the older the book, the darker. */
function paperColour(year: number): string {
  const age = Math.min(1, Math.max(0, (2026 - year) / 45));
  const channel = (fresh: number, old: number) => Math.round(fresh + (old - fresh) * age);
  return `rgb(${channel(248, 232)},${channel(245, 220)},${channel(236, 190)})`;
}

function background(rng: Rng, year: number): string {
  const cx = rng.int(30, 70);
  const stains = Array.from({ length: rng.int(1, 3) }, () => {
    const [x, y, rx, ry] = [rng.int(100, 2200), rng.int(100, 1550), rng.int(30, 140), rng.int(20, 90)];
    return `<ellipse cx="${x}" cy="${y}" rx="${rx}" ry="${ry}" fill="#8a6a3a" fill-opacity="${(0.04 + rng.next() * 0.06).toFixed(3)}"/>`;
  });
  return (
    `<defs><radialGradient id="light" cx="${cx}%" cy="45%" r="75%"><stop offset="55%" stop-color="#000" stop-opacity="0"/>` +
    `<stop offset="100%" stop-color="#5a4520" stop-opacity="0.16"/></radialGradient></defs>` +
    `<rect width="100%" height="100%" fill="${paperColour(year)}"/><rect width="100%" height="100%" fill="url(#light)"/>${stains.join('')}`
  );
}

const text = (x: number, y: number, body: string, attrs: string): string => `<text x="${x}" y="${y}" ${attrs}>${escapeXml(body)}</text>`;

function heading(book: DemoBook, page: DemoPage): string {
  const [unit, ...rest] = book.authority.replace(/^UBND /, '').split(', ');
  const print = `font-family="${PRINT_FONT}" fill="#262220"`;
  const mid = DEMO_PAGE.width / 2;
  return [
    text(MARGIN, 80, `ỦY BAN NHÂN DÂN ${(unit ?? '').toUpperCase()}`, `${print} font-size="24" font-weight="bold"`),
    text(MARGIN, 114, rest.join(', '), `${print} font-size="22"`),
    text(mid, 120, PAGE_TITLES[book.registerType], `${print} font-size="52" font-weight="bold" text-anchor="middle"`),
    text(mid, 178, `Quyển số: ${book.quyenSo}`, `${print} font-size="28" text-anchor="middle"`),
    text(DEMO_PAGE.width - MARGIN, 80, `Trang số: ${page.seq}`, `${print} font-size="26" text-anchor="end"`),
  ].join('');
}

function grid(edges: readonly number[], columns: readonly PageColumn[]): string {
  const bottom = TABLE_TOP + HEADER_HEIGHT + SLOTS * SLOT_HEIGHT;
  const [left, right] = [edges[0]!, edges[edges.length - 1]!];
  const rows = Array.from({ length: SLOTS + 2 }, (_, i) => (i === 0 ? TABLE_TOP : TABLE_TOP + HEADER_HEIGHT + (i - 1) * SLOT_HEIGHT));
  const lines = [...rows.map((y) => `<line x1="${left}" y1="${y}" x2="${right}" y2="${y}"/>`), ...edges.map((x) => `<line x1="${x}" y1="${TABLE_TOP}" x2="${x}" y2="${bottom}"/>`)];
  const titles = columns.map((c, i) => headerTitle(c, edges[i]!, edges[i + 1]!));
  return `<g stroke="${RULE}" stroke-width="2">${lines.join('')}</g>${titles.join('')}`;
}

function headerTitle(c: PageColumn, x0: number, x1: number): string {
  const size = 17;
  const lines = wrapText(c.title, Math.max(4, Math.floor((x1 - x0 - 12) / (size * 0.55))));
  const top = TABLE_TOP + (HEADER_HEIGHT - lines.length * size * 1.25) / 2 + size;
  return lines
    .map((l, i) => text(Math.round((x0 + x1) / 2), Math.round(top + i * size * 1.25), l, `font-family="${PRINT_FONT}" font-size="${size}" font-weight="bold" fill="#262220" text-anchor="middle"`))
    .join('');
}

function entry(rng: Rng, record: DemoRecord, slot: number, edges: readonly number[], columns: readonly PageColumn[], hand: Hand): string {
  const top = TABLE_TOP + HEADER_HEIGHT + slot * SLOT_HEIGHT;
  const step = hand.size * 1.32;
  const maxLines = Math.floor((SLOT_HEIGHT - 12) / step);
  const style = `font-family="${hand.family}" font-size="${hand.size}" fill="${hand.ink}"${hand.italic ? ' font-style="italic"' : ''}`;
  return columns
    .flatMap((c, i) => {
      const x0 = edges[i]!;
      const max = Math.max(4, Math.floor((edges[i + 1]! - x0 - 14) / (hand.size * hand.advance)));
      const lines = c
        .cell(record.values)
        .flatMap((l) => wrapText(l, max))
        .slice(0, maxLines);
      return lines.map((l, k) => {
        const wobble = hand.italic ? rng.int(0, 4) : 0;
        const y = Math.round(top + 8 + step * (k + 1) + wobble / 2);
        const tilt = hand.italic ? ` transform="rotate(${((rng.next() - 0.5) * 0.8).toFixed(2)} ${x0} ${y})"` : '';
        return text(x0 + 7 + wobble, y, l, `${style}${tilt}`);
      });
    })
    .join('');
}

export function pageSvg(book: DemoBook, page: DemoPage, rng: Rng): string {
  const columns = PAGE_COLUMNS[book.registerType];
  const edges = columnEdges(columns);
  const hand = HANDS[book.hand];
  const entries = page.records.map((r, i) => entry(rng, r, i, edges, columns, hand));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${DEMO_PAGE.width}" height="${DEMO_PAGE.height}">` +
    `${background(rng, book.year)}${heading(book, page)}${grid(edges, columns)}${entries.join('')}</svg>`
  );
}
