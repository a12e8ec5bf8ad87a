/**
 * The form description the web keying screen renders, derived from the
 * catalog: groups in template order, each field with its widget, options,
 * requirement (as data the browser can evaluate) and help.
 */
import { CODE_LISTS, type CodeOption } from './code-lists.js';
import type { Condition, FieldDef, FieldType, RegisterTemplate, Requirement } from './field.js';

export type Widget = 'text' | 'number' | 'date' | 'select' | 'autocomplete' | 'textarea' | 'none';
export type Autocomplete = 'ethnicity' | 'nationality' | 'place' | 'name';

export interface FormField {
  key: string;
  label: string;
  type: FieldType;
  widget: Widget;
  autocomplete?: Autocomplete;
  required: Requirement;
  emptyWhen?: Condition;
  options?: readonly CodeOption[];
  help?: string;
  copyForward: boolean;
  defaultValue?: string;
}

export interface FormDescription {
  templateId: string;
  registerType: string;
  title: string;
  groups: { id: string; label: string; fields: FormField[] }[];
}

function widgetFor(type: FieldType): { widget: Widget; autocomplete?: Autocomplete } {
  switch (type) {
    case 'rowNo':
      return { widget: 'none' };
    case 'pageNo':
      return { widget: 'number' };
    case 'registrationNo':
    case 'time':
    case 'personalId':
    case 'idDocNo':
    case 'dateInWords':
      return { widget: 'text' };
    case 'text':
      return { widget: 'textarea' };
    case 'name':
      return { widget: 'text', autocomplete: 'name' };
    case 'place':
      return { widget: 'autocomplete', autocomplete: 'place' };
    case 'date':
      return { widget: 'date' };
    case 'code':
      return { widget: 'select' };
    case 'ethnicity':
      return { widget: 'autocomplete', autocomplete: 'ethnicity' };
    case 'nationality':
      return { widget: 'autocomplete', autocomplete: 'nationality' };
  }
}

function formField(f: FieldDef): FormField {
  const out: FormField = { key: f.key, label: f.label, type: f.type, required: f.required, copyForward: f.copyForward ?? false, ...widgetFor(f.type) };
  if (f.emptyWhen) out.emptyWhen = f.emptyWhen;
  if (f.codeList) out.options = CODE_LISTS[f.codeList];
  if (f.help) out.help = f.help;
  if (f.defaultValue !== undefined) out.defaultValue = f.defaultValue;
  return out;
}

export function formDescription(template: RegisterTemplate): FormDescription {
  return {
    templateId: template.id,
    registerType: template.registerType,
    title: template.title,
    groups: template.groups.map((g) => ({
      id: g.id,
      label: g.label,
      fields: template.fields.filter((f) => f.group === g.id).map(formField),
    })),
  };
}
