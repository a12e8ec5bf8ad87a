/**
 * Synthetic people: a name drawn from the frequency tables (family name by
 * ethnic group, middle name by sex and birth era, given name by sex with era
 * drift), a sex, a birth day and an ethnic group. Every draw comes from the
 * Rng handed in, so the same stream gives the same people.
 */
import { minorityFamilyNames } from './demo-place.js';
import { randomDay, yearOf } from './demo-dates.js';
import { FAMILY_NAMES, GIVEN_NAME_ERA_FACTOR, GIVEN_NAMES, MIDDLE_NAMES, nameEra, type FamilyNameShare } from './name-frequencies.js';
import type { Rng } from './prng.js';

export type Sex = 'male' | 'female';

export interface DemoPerson {
  name: string;
  familyName: string;
  sex: Sex;
  birth: Date;
  ethnicity: string;
}

/** The MoJ sex code: 1 Nam, 2 Nữ. */
export const sexCode = (sex: Sex): string => (sex === 'male' ? '1' : '2');

/** A family name; `southern` picks the southern spelling (Huỳnh, Võ) where one exists. */
export function familyName(rng: Rng, table: readonly FamilyNameShare[] = FAMILY_NAMES, southern = false): string {
  const [north, , south] = rng.weighted(table.map((entry) => [entry, entry[1]] as const));
  return southern && south ? south : north;
}

export function middleName(rng: Rng, sex: Sex, birthYear: number): string {
  return rng.weighted(MIDDLE_NAMES[sex][nameEra(birthYear)]);
}

export function givenName(rng: Rng, sex: Sex, birthYear: number): string {
  const factor = GIVEN_NAME_ERA_FACTOR[nameEra(birthYear)];
  return rng.weighted(GIVEN_NAMES[sex].map(([name, w, era]) => [name, era ? w * factor[era] : w] as const));
}

/** Family name of a person of this ethnic group (the minority tables where the area has one). */
export function familyNameFor(rng: Rng, ethnicity: string): string {
  return familyName(rng, minorityFamilyNames(ethnicity) ?? FAMILY_NAMES, false);
}

/** "Văn" + "Hùng", never the same word twice ("Minh Minh"). */
function restOfName(rng: Rng, sex: Sex, birthYear: number): string {
  for (;;) {
    const middle = middleName(rng, sex, birthYear);
    const given = givenName(rng, sex, birthYear);
    if (middle !== given) return `${middle} ${given}`;
  }
}

export interface PersonSpec {
  sex?: Sex;
  bornFrom: Date;
  bornTo: Date;
  ethnicity: string;
  /** Given when the family name is inherited (a child takes the father's). */
  familyName?: string;
}

export function newPerson(rng: Rng, spec: PersonSpec): DemoPerson {
  const sex = spec.sex ?? (rng.chance(0.512) ? 'male' : 'female');
  const birth = randomDay(rng, spec.bornFrom, spec.bornTo);
  const family = spec.familyName ?? familyNameFor(rng, spec.ethnicity);
  const name = `${family} ${restOfName(rng, sex, yearOf(birth))}`.normalize('NFC');
  return { name, familyName: family, sex, birth, ethnicity: spec.ethnicity };
}
