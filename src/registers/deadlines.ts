/**
 * Registration deadlines by era, as data: the rule that applied on the
 * registration date decides whether "đúng hạn" (code 1) or "quá hạn" (code 4)
 * fits the days between the event and its registration. Findings are
 * WARNINGs only: the register's own tick-box wins, and old eras carry
 * exceptions (remote areas) and, before 1976, the law of the North only.
 * Sources (each era names its own; a figure not confirmed is said so and the
 * era then checks nothing):
 * - Luật Hộ tịch 2014 (60/2014/QH13), in force 01.01.2016: birth 60 days
 *   (Art. 15), death 15 days (Art. 33).
 * - NĐ 158/2005/NĐ-CP, 01.04.2006–31.12.2015: birth 60 days (Art. 14),
 *   death 15 days (Art. 20).
 * - NĐ 83/1998/NĐ-CP, 25.10.1998–31.03.2006: birth 30 days, 60 in
 *   mountain and remote areas (Art. 18); death 48 hours in towns, up to 15
 *   days in rural, mountain and remote areas (Art. 28).
 * - Điều lệ đăng ký hộ tịch, NĐ 04/CP 16.01.1961, 01.04.1961–24.10.1998
 *   (Democratic Republic of Viet Nam, nationwide after 1976): birth 30 days
 *   (Art. 1); the death deadline was not confirmed.
 * - Điều lệ đăng ký hộ tịch, NĐ 764/TTg 08.05.1956 (North), to 31.03.1961:
 *   birth 30 days (Art. 9); death not confirmed.
 * Before 08.05.1956 nothing is checked.
 */
import { daysBetween, formatPartialDate, searchKey, type PartialDate } from '../vn/index.js';

export interface DeadlineEra {
  /** First day in force, dd.mm.yyyy. */
  from: string;
  /** Last day in force, dd.mm.yyyy; open when absent. */
  to?: string;
  /** Days allowed from the event; undefined when the source could not be confirmed (nothing is checked). */
  days?: number;
  /** How the source states the deadline when not in days ("48 giờ"). */
  limitText?: string;
  /** A longer deadline some places had (mountain, remote, rural areas), if any. */
  daysElsewhere?: number;
  /** Where the longer deadline applied, for messages. */
  elsewhere?: string;
  /** The longer deadline applies to every commune (xã, rural by definition): known from the registering authority. */
  elsewhereIsCommune?: boolean;
  /** Law and article, in Vietnamese. */
  source: string;
  /** What is uncertain or limited about this era. */
  note?: string;
}

const NORTH_ONLY = 'trước năm 1976 chỉ áp dụng ở miền Bắc; sổ của miền Nam trước 1976 theo luật khác, chưa đối chiếu';

export const BIRTH_DEADLINES: readonly DeadlineEra[] = [
  { from: '08.05.1956', to: '31.03.1961', days: 30, source: 'Điều lệ đăng ký hộ tịch ban hành kèm Nghị định 764/TTg ngày 08.05.1956, Điều 9', note: NORTH_ONLY },
  { from: '01.04.1961', to: '24.10.1998', days: 30, source: 'Điều lệ đăng ký hộ tịch ban hành kèm Nghị định 04/CP ngày 16.01.1961, Điều 1', note: NORTH_ONLY },
  {
    from: '25.10.1998',
    to: '31.03.2006',
    days: 30,
    daysElsewhere: 60,
    elsewhere: 'miền núi, vùng sâu, vùng xa',
    source: 'Nghị định 83/1998/NĐ-CP, Điều 18',
  },
  { from: '01.04.2006', to: '31.12.2015', days: 60, source: 'Nghị định 158/2005/NĐ-CP, Điều 14' },
  { from: '01.01.2016', days: 60, source: 'Luật Hộ tịch 2014, Điều 15' },
];

export const DEATH_DEADLINES: readonly DeadlineEra[] = [
  { from: '08.05.1956', to: '24.10.1998', source: 'Điều lệ đăng ký hộ tịch 1956 và 1961', note: 'chưa xác nhận được thời hạn khai tử của giai đoạn này nên không kiểm tra' },
  {
    from: '25.10.1998',
    to: '31.03.2006',
    days: 2,
    limitText: '48 giờ',
    daysElsewhere: 15,
    elsewhere: 'nông thôn, miền núi, vùng sâu, vùng xa',
    elsewhereIsCommune: true,
    source: 'Nghị định 83/1998/NĐ-CP, Điều 28',
    note: '48 giờ ở thành phố, thị xã, thị trấn được tính là 2 ngày theo lịch',
  },
  { from: '01.04.2006', to: '31.12.2015', days: 15, source: 'Nghị định 158/2005/NĐ-CP, Điều 20' },
  { from: '01.01.2016', days: 15, source: 'Luật Hộ tịch 2014, Điều 33' },
];

const key = (ddmmyyyy: string) => ddmmyyyy.split('.').reverse().join('');

/** The era in force on a registration date (day precision), if any. */
export function eraOn(eras: readonly DeadlineEra[], registered: PartialDate): DeadlineEra | undefined {
  if (registered.precision !== 'day') return undefined;
  const on = key(formatPartialDate(registered));
  return eras.find((e) => key(e.from) <= on && (e.to === undefined || on <= key(e.to)));
}

export type DeadlineVerdict =
  | { kind: 'unknown' }
  | { kind: 'within'; days: number; era: DeadlineEra }
  /** Late by the general deadline but within the one some places had. */
  | { kind: 'within_elsewhere'; days: number; era: DeadlineEra }
  | { kind: 'late'; days: number; era: DeadlineEra };

/** Whether an authority as written is a commune (xã; not a thị xã), e.g. "UBND xã Cù Vân". */
export function isCommuneAuthority(authority: string | undefined): boolean {
  const words = searchKey(authority ?? '').split(' ');
  return words.some((w, i) => w === 'xa' && words[i - 1] !== 'thi');
}

/** How the days between event and registration compare with the era's deadline (the longer one for a commune where it applies to communes). */
export function judgeDeadline(eras: readonly DeadlineEra[], event: PartialDate, registered: PartialDate, authority?: string): DeadlineVerdict {
  const era = eraOn(eras, registered);
  const days = daysBetween(event, registered);
  if (!era || era.days === undefined || days === undefined) return { kind: 'unknown' };
  const limit = era.elsewhereIsCommune && isCommuneAuthority(authority) ? (era.daysElsewhere ?? era.days) : era.days;
  if (days <= limit) return { kind: 'within', days, era };
  if (era.daysElsewhere !== undefined && days <= era.daysElsewhere) return { kind: 'within_elsewhere', days, era };
  return { kind: 'late', days, era };
}

/** "60 ngày", "48 giờ". */
export function limitOf(era: DeadlineEra): string {
  return era.limitText ?? `${era.days} ngày`;
}
