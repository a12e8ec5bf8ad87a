/** The fields a reviewer checks on a sampled registration: every column of its template except the row number, critical ones marked. */
import { getTemplate } from '../registers/index.js';
import { criticalFieldKeys } from './critical-fields.js';

export interface CheckableField {
  key: string;
  label: string;
  group: string;
  critical: boolean;
}

const cache = new Map<string, CheckableField[]>();

export function checkableFields(templateId: string): CheckableField[] {
  let out = cache.get(templateId);
  if (!out) {
    const t = getTemplate(templateId);
    const critical = criticalFieldKeys(t);
    out = t.fields.filter((f) => f.type !== 'rowNo').map((f) => ({ key: f.key, label: f.label, group: f.group, critical: critical.has(f.key) }));
    cache.set(templateId, out);
  }
  return out;
}

/** Filled fields of a registration per group (what a confidence plan counts). */
export function filledCounts(templateId: string, values: Readonly<Record<string, string>>): { critical: number; other: number } {
  const fields = checkableFields(templateId).filter((f) => (values[f.key] ?? '') !== '');
  const critical = fields.filter((f) => f.critical).length;
  return { critical, other: fields.length - critical };
}
