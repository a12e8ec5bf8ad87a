/**
 * Choosing the main successor of a legacy commune (or island district). The
 * 2025 mapping lists a divided commune once per successor, without saying
 * which one is main: it is chosen by the shared rule (../main-successor.ts:
 * same code, same name, name containing the old name, nearest code) and the
 * choice is reported with the rule that made it, so a reviewer can correct
 * it. The file's own "divided" flag is checked against the rows.
 */
import { MAIN_SUCCESSOR_RULES, mainSuccessor, type MainSuccessor } from '../main-successor.js';
import { unitId, type SuccessorLink, type UnitRecord } from '../unit.types.js';

interface Target {
  to: UnitRecord;
  line: number;
}

interface Choice {
  from: UnitRecord;
  targets: Target[];
  /** What the file says ("isDividedWard"), when it says it. */
  divided?: boolean;
}

export interface Doubt {
  line: number;
  detail: string;
}

const ref = (u: UnitRecord) => ({ scheme: u.scheme, level: u.level, code: u.code });
const label = (u: UnitRecord) => `${u.name} (mã ${u.code})`;
const choose = (c: Choice): MainSuccessor | undefined =>
  mainSuccessor(
    c.from,
    c.targets.map((t) => t.to),
  );

export class SuccessorChooser {
  private readonly choices = new Map<string, Choice>();

  add(from: UnitRecord, to: UnitRecord, line: number, divided?: boolean): void {
    const choice = this.choices.get(unitId(from)) ?? { from, targets: [], divided };
    this.choices.set(unitId(from), choice);
    if (!choice.targets.some((t) => unitId(t.to) === unitId(to))) choice.targets.push({ to, line });
  }

  links(): SuccessorLink[] {
    return [...this.choices.values()].flatMap((c) => {
      const main = choose(c)?.index;
      return c.targets.map((t, i) => ({ from: ref(c.from), to: ref(t.to), main: i === main }));
    });
  }

  doubts(): Doubt[] {
    return [...this.choices.values()].flatMap((c) => {
      const doubt = this.doubt(c);
      return doubt ? [doubt] : [];
    });
  }

  /** Reported at the first row of the unit. */
  private doubt(c: Choice): Doubt | undefined {
    const { from, targets, divided } = c;
    const [first] = targets;
    const main = choose(c);
    if (!first || !main) return undefined;
    if (targets.length === 1) {
      return divided ? { line: first.line, detail: `${label(from)} được ghi là bị chia nhưng chỉ có một đơn vị kế thừa.` } : undefined;
    }
    const flag = divided === false ? ' (dù không được ghi là bị chia)' : '';
    const list = targets.map((t) => `${label(t.to)} ở dòng ${t.line}`).join('; ');
    const chosen = targets[main.index]?.to ?? first.to;
    const detail = `${label(from)} có ${targets.length} đơn vị kế thừa${flag}: ${list}. Tệp không ghi đơn vị nào là chính; chọn ${label(chosen)} làm đơn vị kế thừa chính theo quy tắc "${MAIN_SUCCESSOR_RULES[main.rule]}".`;
    return { line: first.line, detail };
  }
}
