/**
 * Cross-field rules that hold in every register, driven by the roles the
 * catalog gives to person-block fields (idDocType, idDocNo, birthDate…).
 */
import { isBefore } from '../vn/index.js';
import type { Finding, RecordRule, RuleContext } from './field.js';
import { fieldName, finding, readDate, roleKey } from './rule-helpers.js';

function eachPerson(ctx: RuleContext, check: (prefix: string) => Finding[]): Finding[] {
  return ctx.template.persons.flatMap((p) => check(p.prefix));
}

const otherDocumentNamed: RecordRule = {
  id: 'common.other_document_named',
  description: 'Khi loại giấy tờ tùy thân là "Giấy tờ khác" (mã 8) thì phải ghi tên giấy tờ đó.',
  check: (ctx) =>
    eachPerson(ctx, (prefix) => {
      const typeKey = roleKey(ctx.template, prefix, 'idDocType');
      const otherKey = roleKey(ctx.template, prefix, 'idDocOther');
      if (!typeKey || !otherKey || ctx.values[typeKey] !== '8' || ctx.values[otherKey]) return [];
      return [finding(otherKey, 'ERROR', 'id_doc.other_name_required', `Loại giấy tờ là "Giấy tờ khác": cần ghi ${fieldName(ctx.template, otherKey)}.`)];
    }),
};

const documentNumberHasType: RecordRule = {
  id: 'common.document_number_has_type',
  description: 'Có số giấy tờ tùy thân thì nên ghi loại giấy tờ.',
  check: (ctx) =>
    eachPerson(ctx, (prefix) => {
      const typeKey = roleKey(ctx.template, prefix, 'idDocType');
      const noKey = roleKey(ctx.template, prefix, 'idDocNo');
      if (!typeKey || !noKey || !ctx.values[noKey] || ctx.values[typeKey]) return [];
      return [finding(typeKey, 'WARNING', 'id_doc.type_missing', `Có số giấy tờ nhưng chưa ghi ${fieldName(ctx.template, typeKey)}.`)];
    }),
};

const documentIssuedAfterBirth: RecordRule = {
  id: 'common.document_after_birth',
  description: 'Ngày cấp giấy tờ tùy thân không thể trước ngày sinh của người đó.',
  check: (ctx) =>
    eachPerson(ctx, (prefix) => {
      const dateKey = roleKey(ctx.template, prefix, 'idDocDate');
      const birthKey = roleKey(ctx.template, prefix, 'birthDate');
      const issued = dateKey ? readDate(ctx.values, dateKey) : undefined;
      const birth = birthKey ? readDate(ctx.values, birthKey) : undefined;
      if (!dateKey || !issued || !birth || isBefore(issued, birth) !== true) return [];
      return [finding(dateKey, 'ERROR', 'id_doc.issued_before_birth', 'Ngày cấp giấy tờ trước ngày sinh.')];
    }),
};

const personBornBeforeRegistration: RecordRule = {
  id: 'common.born_before_registration',
  description: 'Mọi người nêu trong việc đăng ký phải sinh trước ngày đăng ký.',
  check: (ctx) =>
    eachPerson(ctx, (prefix) => {
      const birthKey = roleKey(ctx.template, prefix, 'birthDate');
      const birth = birthKey ? readDate(ctx.values, birthKey) : undefined;
      const reg = readDate(ctx.values, 'ngayDangKy');
      if (!birthKey || !birth || !reg || isBefore(reg, birth) !== true) return [];
      return [finding(birthKey, 'ERROR', 'date.born_after_registration', `${fieldName(ctx.template, birthKey)} sau ngày đăng ký.`)];
    }),
};

export const COMMON_RULES: readonly RecordRule[] = [otherDocumentNamed, documentNumberHasType, documentIssuedAfterBirth, personBornBeforeRegistration];
