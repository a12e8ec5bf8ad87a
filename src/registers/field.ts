/**
 * The shapes of the register catalog: a field is declared once, with its MoJ
 * column key, Vietnamese label, type, code list, requirement and help. Every
 * other view of a register (validator, xlsx header, web form) is derived.
 */
import type { CodeListId } from './code-lists.js';

/** Every kind of value a register column can hold. Adding one must fail to
 * compile until every derivation (validator, form) handles it. */
export const FIELD_TYPES = [
  'rowNo', // STT: 1..n within a file, assigned on export
  'registrationNo', // số đăng ký as written: "15", "01/2018"
  'pageNo', // trang số: positive integer
  'text', // free text
  'name', // a person's full name, spelling kept as in the book
  'place', // place or authority as written in the book
  'date', // partial date: dd.mm.yyyy | mm.yyyy | yyyy
  'dateInWords', // a date written in words, must agree with another date field
  'time', // time of day: hh:mm or "… giờ … phút"
  'code', // a value of a code list
  'personalId', // số định danh cá nhân, 12 digits
  'idDocNo', // number of an identity document (CMND, CCCD, passport…)
  'ethnicity', // dân tộc, a name of the 54 groups
  'nationality', // quốc tịch, a country name in Vietnamese
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** The part a field plays for its person, used by cross-field rules. */
export type PersonRole = 'fullName' | 'sex' | 'birthDate' | 'personalId' | 'idDocType' | 'idDocNo' | 'idDocOther' | 'idDocDate';

/** A condition on another field of the same record: its value is one of `in`. */
export interface Condition {
  field: string;
  in: readonly string[];
}

/** When a field must be filled before the record can be completed. */
export type Requirement = 'always' | 'optional' | { when: Condition } | { unless: Condition };

export interface FieldDef {
  /** MoJ column key, camelCase, exactly as in the template (without header decorations). */
  key: string;
  /** Vietnamese label shown to keyers. */
  label: string;
  type: FieldType;
  /** Section of the form (see RegisterTemplate.groups). */
  group: string;
  required: Requirement;
  /** For type 'code'. */
  codeList?: CodeListId;
  /** The field must stay empty when this holds (e.g. father's name when the father is unknown). */
  emptyWhen?: Condition;
  /** Person block this field belongs to (the MoJ prefix: nks, me, cha, nkt…) and its role there. */
  person?: string;
  role?: PersonRole;
  /** For 'dateInWords': the date field these words spell out. */
  wordsOf?: string;
  /** Header decorations of the official template: a trailing space after the key, an `i=[…]` code hint. */
  header?: { trailingSpace?: boolean; codeHint?: boolean };
  /** Default offered by the keying form, only where the register itself implies it. */
  defaultValue?: string;
  /** Repeats from the previous entry of the book (copy-forward). */
  copyForward?: boolean;
  help?: string;
}

export interface FieldGroup {
  id: string;
  label: string;
}

/** A person block: MoJ prefix, how the person is called, and the sex the role implies (mẹ, cha, vợ, chồng). */
export interface PersonBlock {
  prefix: string;
  label: string;
  impliedSex?: 'male' | 'female';
}

export type RegisterType = 'KS' | 'KT' | 'KH' | 'CMC' | 'HN' | 'TDCC' | 'GH' | 'GC' | 'CN';

export interface RegisterTemplate {
  /** Stable id of this column layout, e.g. 'KS-70'. Stored on books and records. */
  id: string;
  registerType: RegisterType;
  /** Name of the book, e.g. "Sổ đăng ký khai sinh". */
  title: string;
  /** Where the column list comes from and how sure we are. */
  source: string;
  groups: readonly FieldGroup[];
  persons: readonly PersonBlock[];
  /** Fields in template column order. */
  fields: readonly FieldDef[];
  /** Register-specific cross-field rules (generic ones apply to every register). */
  rules: readonly RecordRule[];
}

export type Severity = 'ERROR' | 'WARNING' | 'INFO';

/** A correction offered with a finding: the field's whole new value and the button's Vietnamese label. Applied only when the user confirms. */
export interface FindingFix {
  value: string;
  label: string;
}

/** One finding about a record: which field, how bad, a stable code and a Vietnamese message; maybe a fix to offer. */
export interface Finding {
  path: string;
  severity: Severity;
  code: string;
  message: string;
  fix?: FindingFix;
}

/** What a rule gets: the template, the cleaned values (code aliases read as their codes), and the date that counts as today. */
export interface RuleContext {
  template: RegisterTemplate;
  values: Readonly<Record<string, string>>;
  today: Date;
}

export interface RecordRule {
  /** Stable id, e.g. 'ks.parentage'. */
  id: string;
  /** One Vietnamese sentence: what the rule checks (shown in help and reports). */
  description: string;
  check(ctx: RuleContext): Finding[];
}
