/**
 * One parser per format id, complete by construction: adding a format id
 * fails to compile until it has a parser here.
 */
import type { UnitFormatId } from './format-catalog.js';
import { parseProvinces2025, parseUnits2025 } from './parse-2025.js';
import { aliasParser } from './parse-aliases.js';
import type { ParseContext } from './parse-context.js';
import { parseGsoCommunes, parseGsoDistricts } from './parse-gso.js';
import { parseMapping2025 } from './parse-mapping.js';

export const FORMAT_PARSERS = {
  'gso-communes': parseGsoCommunes,
  'gso-districts': parseGsoDistricts,
  'units-2025': parseUnits2025,
  'provinces-2025': parseProvinces2025,
  'mapping-2025': parseMapping2025,
  'alias-provinces': aliasParser('province'),
  'alias-districts': aliasParser('district'),
  'alias-communes': aliasParser('commune'),
} as const satisfies { [K in UnitFormatId]: (ctx: ParseContext) => void };
