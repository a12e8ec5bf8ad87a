/**
 * A row as read from any container (CSV, XLSX, HTML table), before any format
 * is known: its cells as text and its number in the file as a user would see
 * it (CSV line where the record starts, worksheet row, table row).
 */

export interface TableRow {
  cells: string[];
  line: number;
}

export function isBlankRow(row: TableRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}
