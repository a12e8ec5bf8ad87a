/**
 * Critical fields of a register template: the columns whose error changes
 * who a registration is about or when it happened. Derived from the catalog
 * (field types and person roles), never a hand list of keys per register:
 * - the registration number (the template's first registrationNo column, `so`);
 * - every person's full name (type 'name' inside a person block: the subject,
 *   parents, spouses, requester — officials' names have no person block);
 * - sex (role 'sex');
 * - dates: birth dates (role 'birthDate') and every date the register
 *   always requires (ngayDangKy, date of death, date of the judgment…).
 * double_critical books key only these twice; keyer accuracy counts them
 * apart from the other fields.
 */
import type { FieldDef, RegisterTemplate } from '../registers/index.js';

function isCritical(f: FieldDef, registrationNoKey: string | undefined): boolean {
  if (f.key === registrationNoKey) return true;
  if (f.type === 'name' && f.person !== undefined) return true;
  if (f.role === 'sex') return true;
  if (f.type === 'date') return f.role === 'birthDate' || f.required === 'always';
  return false;
}

const cache = new WeakMap<RegisterTemplate, ReadonlySet<string>>();

/** The keys of the template's critical fields (computed once per template: outcomes ask per row). */
export function criticalFieldKeys(template: RegisterTemplate): ReadonlySet<string> {
  let keys = cache.get(template);
  if (!keys) {
    const registrationNoKey = template.fields.find((f) => f.type === 'registrationNo')?.key;
    keys = new Set(template.fields.filter((f) => isCritical(f, registrationNoKey)).map((f) => f.key));
    cache.set(template, keys);
  }
  return keys;
}
