/**
 * A small, tolerant reader for the HTML tables that many government sites
 * serve as ".xls", and for SpreadsheetML (Excel 2003 XML: Row/Cell/Data).
 * Takes the table with the most rows; end tags may be missing; <br> becomes a
 * space, other tags are dropped, entities are decoded; colspan and ss:Index
 * keep cells under their column. Row numbers count the table's rows from 1.
 */
import type { TableRow } from './table-row.js';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const MARKS: Record<string, string> = { acute: '\u0301', grave: '\u0300', circ: '\u0302', tilde: '\u0303', uml: '\u0308' };

/** &aacute; &Ecirc; &otilde; …: a vowel and a mark, composed. */
function accented(name: string): string | undefined {
  const match = /^([aeiouyAEIOUY])(acute|grave|circ|tilde|uml)$/.exec(name);
  const mark = match?.[2] === undefined ? undefined : MARKS[match[2]];
  return match?.[1] === undefined || mark === undefined ? undefined : (match[1] + mark).normalize('NFC');
}

function entity(whole: string, body: string): string {
  if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
  return NAMED[body] ?? accented(body) ?? whole;
}

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => entity(whole, body));
}

function cellText(inner: string): string {
  const text = inner.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '');
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

function attribute(attrs: string, name: string): number | undefined {
  const match = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

const CELL_RE = /<(td|th|cell)\b([^>]*?)(\/?)>([\s\S]*?)(?=<(?:td|th|cell)\b|<\/(?:tr|row)>|$)/gi;

function rowCells(rowHtml: string): string[] {
  const cells: string[] = [];
  for (const m of rowHtml.matchAll(CELL_RE)) {
    const attrs = m[2] ?? '';
    const index = attribute(attrs, 'ss:Index');
    while (index !== undefined && cells.length < index - 1) cells.push('');
    cells.push(m[3] === '/' ? '' : cellText(m[4] ?? ''));
    const span = attribute(attrs, 'colspan') ?? (attribute(attrs, 'ss:MergeAcross') ?? 0) + 1;
    for (let i = 1; i < span; i++) cells.push('');
  }
  return cells;
}

const TABLE_RE = /<table\b[^>]*>([\s\S]*?)(?:<\/table>|$)/gi;
const ROW_RE = /<(?:tr|row)\b[^>]*?(\/?)>([\s\S]*?)(?=<(?:tr|row)\b|<\/(?:table|tbody|thead|tfoot)>|$)/gi;

function tableRows(tableHtml: string): TableRow[] {
  return [...tableHtml.matchAll(ROW_RE)].map((m, i) => ({
    cells: m[1] === '/' ? [] : rowCells(m[2] ?? ''),
    line: i + 1,
  }));
}

function stripNoise(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '');
}

/** The rows of the largest table in the document; none when there is no table. */
export function readHtmlTable(html: string): TableRow[] {
  const tables = [...stripNoise(html).matchAll(TABLE_RE)].map((m) => tableRows(m[1] ?? ''));
  return tables.reduce<TableRow[]>((best, rows) => (rows.length > best.length ? rows : best), []);
}
