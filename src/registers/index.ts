/**
 * registers — THE field catalog. One file per register type declares each
 * column once (MoJ key, Vietnamese label, type, code list, requirement, help);
 * everything else is derived here by pure functions: the record validator, the
 * xlsx header row, the web form description.
 * Invariants: template column order is the official order; KS-70's header row
 * equals the MoJ template byte for byte; findings carry a field path, a
 * severity, a stable code and a Vietnamese message. Browser-safe: the web's
 * keying form runs these same validators as the keyer types (ESLint keeps
 * this module free of Node built-ins and of core; errors come from common/);
 * the server's check on save stays the authority.
 */
import { getTemplate } from './catalog.js';
import type { Finding } from './field.js';
import { fieldRequirements, validateTemplateRecord, type FieldRequirement, type ValidateOptions } from './validate-record.js';

export * from './field.js';
export { CODE_LISTS, codeLabel, resolveCode, type CodeListId, type CodeOption } from './code-lists.js';
export { canonicalValues, type Replacement } from './canonical.js';
export { TEMPLATES, CURRENT_TEMPLATE, REGISTER_TYPES, findTemplate, getTemplate } from './catalog.js';
export { PAGE_LAYOUTS, pageLayoutOf, itemText, cellLines, splitCell, type PageItem, type PageColumnLayout, type CellPart } from './page-layout.js';
export { headerRow, headerText } from './header.js';
export { formDescription, type FormDescription, type FormField, type Widget, type Autocomplete } from './form.js';
export { validateTemplateRecord, cleanValues, ruleValues, isRequired, mustBeEmpty, fieldRequirements, type FieldRequirement, type ValidateOptions } from './validate-record.js';
export { BIRTH_DEADLINES, DEATH_DEADLINES, eraOn, judgeDeadline, isCommuneAuthority, type DeadlineEra, type DeadlineVerdict } from './deadlines.js';
export { readDate, readDateText, dateReading, normalizeDateText, lunarHintFor, MIN_YEAR, EVENT_DATE_KEYS, type DateReading } from './date-value.js';

/** Findings for one record of a register type ('KS') or template id ('KS-60'). */
export function validateRecord(typeOrTemplate: string, values: Readonly<Record<string, unknown>>, opts?: ValidateOptions): Finding[] {
  return validateTemplateRecord(getTemplate(typeOrTemplate), values, opts);
}

/** Which fields must be filled / stay empty for these values, for a register type or template id (fieldRequirements). */
export function requirementsOf(typeOrTemplate: string, values: Readonly<Record<string, unknown>>): Record<string, FieldRequirement> {
  return fieldRequirements(getTemplate(typeOrTemplate), values);
}
export { registersRoutes, type RegistersRouteOptions } from './registers.routes.js';
