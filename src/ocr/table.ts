/**
 * Finding the ruled table on a straightened binary page: a horizontal rule is
 * a row whose longest ink run spans most of the table, a vertical rule a
 * column inked over most of the table's height. Neighbouring rows (a rule is
 * a few pixels thick) are merged into one rule at their centre. The first two
 * horizontal rules frame the printed column headings; every band below is
 * one entry slot.
 */
export interface Rule {
  at: number;
  from: number;
  to: number;
}

export interface Table {
  rows: Rule[];
  cols: Rule[];
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function merge(hits: number[]): Rule[] {
  const rules: Rule[] = [];
  for (const h of hits) {
    const last = rules[rules.length - 1];
    if (last && h - last.to <= 3) last.to = h;
    else rules.push({ at: h, from: h, to: h });
  }
  return rules.map((r) => ({ ...r, at: Math.round((r.from + r.to) / 2) }));
}

function longestRun(ink: Uint8Array, width: number, y: number): { len: number; start: number } {
  let [best, bestStart, run, start] = [0, 0, 0, 0];
  for (let x = 0; x < width; x++) {
    // A gap of up to 2 pixels (noise, JPEG) does not break a rule.
    if (ink[y * width + x] || (x + 2 < width && (ink[y * width + x + 1] || ink[y * width + x + 2]) && run > 0)) {
      if (run === 0) start = x;
      run++;
      if (run > best) [best, bestStart] = [run, start];
    } else run = 0;
  }
  return { len: best, start: bestStart };
}

/** The table, or undefined when fewer than 3 horizontal or 2 vertical rules are found. */
export function findTable(ink: Uint8Array, width: number, height: number): Table | undefined {
  const hits: number[] = [];
  let [left, right] = [width, 0];
  for (let y = 0; y < height; y++) {
    const r = longestRun(ink, width, y);
    if (r.len >= width * 0.5) {
      hits.push(y);
      left = Math.min(left, r.start);
      right = Math.max(right, r.start + r.len);
    }
  }
  const rows = merge(hits);
  if (rows.length < 3) return undefined;
  const [top, bottom] = [rows[0]!.at, rows[rows.length - 1]!.at];
  const colHits: number[] = [];
  for (let x = Math.max(0, left - 4); x <= Math.min(width - 1, right + 4); x++) {
    // A rule is 2–3 pixels wide and may drift a pixel or two over the table's height (a residual turn).
    let count = 0;
    for (let y = top; y <= bottom; y++) count += ink[y * width + x]! | (x > 0 ? ink[y * width + x - 1]! : 0) | (x + 1 < width ? ink[y * width + x + 1]! : 0);
    if (count >= (bottom - top) * 0.85) colHits.push(x);
  }
  const cols = merge(colHits);
  if (cols.length < 2) return undefined;
  return { rows, cols, left: cols[0]!.at, right: cols[cols.length - 1]!.at, top, bottom };
}

/** The rules painted white (with a margin), so the engine sees only text. */
export function eraseRules(ink: Uint8Array, width: number, table: Table, pad = 3): void {
  for (const r of table.rows) for (let y = Math.max(0, r.from - pad); y <= r.to + pad; y++) for (let x = table.left - pad; x <= table.right + pad; x++) if (x >= 0 && x < width) ink[y * width + x] = 0;
  for (const c of table.cols) for (let x = Math.max(0, c.from - pad); x <= Math.min(width - 1, c.to + pad); x++) for (let y = table.top; y <= table.bottom; y++) ink[y * width + x] = 0;
}
