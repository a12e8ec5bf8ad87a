/**
 * `hotich validate <type> <file.json>`: findings for the record(s) in a JSON
 * file: one object of values, {"values": {...}}, or an array of either.
 * Exit 0 when no record has an ERROR, 1 when one does, 2 when the input
 * itself cannot be read.
 */
import { readFileSync } from 'node:fs';
import { Invalid } from '../core/index.js';
import { getTemplate, validateTemplateRecord, type Finding, type RegisterTemplate } from '../registers/index.js';

export interface ValidateCommandOptions {
  json?: boolean;
  today?: string;
}

type Values = Record<string, unknown>;

export function readRecords(file: string): Values[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Invalid('file.unreadable', `Không đọc được tệp "${file}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Invalid('file.not_json', `Tệp "${file}" không phải JSON hợp lệ: ${(e as Error).message}.`);
  }
  const items = Array.isArray(data) ? data : [data];
  return items.map((item, i) => {
    const values = item && typeof item === 'object' && 'values' in item ? (item as { values: unknown }).values : item;
    if (!values || typeof values !== 'object' || Array.isArray(values)) {
      throw new Invalid('file.not_record', `Bản ghi thứ ${i + 1} trong "${file}" không phải một đối tượng JSON {"khóa": "giá trị"}.`);
    }
    return values as Values;
  });
}

function todayFrom(opt: string | undefined): Date {
  if (!opt) return new Date();
  const d = new Date(`${opt}T12:00:00`);
  if (Number.isNaN(d.getTime())) throw new Invalid('cli.bad_today', `--today phải có dạng YYYY-MM-DD, nhận được "${opt}".`);
  return d;
}

function printHuman(template: RegisterTemplate, results: Finding[][]): void {
  const labels = new Map(template.fields.map((f) => [f.key, f.label]));
  results.forEach((findings, i) => {
    const head = results.length > 1 ? `Bản ghi ${i + 1}: ` : '';
    if (findings.length === 0) return console.log(`${head}hợp lệ, không có lỗi hay cảnh báo.`);
    console.log(`${head}${findings.length} phát hiện`);
    for (const f of findings) console.log(`  ${f.severity.padEnd(7)} ${f.path} (${labels.get(f.path) ?? '?'}): ${f.message} [${f.code}]`);
  });
}

export function validateCommand(type: string, file: string, opts: ValidateCommandOptions): number {
  const template = getTemplate(type);
  const today = todayFrom(opts.today);
  const results = readRecords(file).map((values) => validateTemplateRecord(template, values, { today }));
  if (opts.json) {
    const out = { template: template.id, records: results.map((findings, i) => ({ index: i + 1, findings })) };
    console.log(JSON.stringify(results.length === 1 ? { template: template.id, findings: results[0] } : out, null, 2));
  } else {
    printHuman(template, results);
  }
  return results.some((r) => r.some((f) => f.severity === 'ERROR')) ? 1 : 0;
}
