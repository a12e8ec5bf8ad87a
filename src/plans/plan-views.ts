/**
 * What the API answers for campaigns, packages and stages (every stage of a
 * package listed, in order, empty where the plan says nothing).
 */
import type { Selectable } from 'kysely';
import { getTemplate } from '../registers/index.js';
import type { PlanCampaignsTable, PlanPackageStagesTable, PlanPackagesTable } from '../store/index.js';
import { STAGE_INFO, STAGES, type Stage, type StageMeasure } from './stages.js';

export interface CampaignView {
  id: string;
  name: string;
  docRef: string;
  issuedOn: string | null;
  scopeText: string;
  unitId: string | null;
  version: number;
  updatedAt: string;
}

export interface StageView {
  stage: Stage;
  label: string;
  measure: StageMeasure;
  deadline: string | null;
  organizationId: string | null;
  person: string;
  unitPrice: number | null;
}

export interface Estimates {
  books: number;
  pages: number;
  registrations: number;
  fields: number;
}

export interface PackageView {
  id: string;
  campaignId: string;
  unitId: string;
  registerTypes: string[];
  yearFrom: number;
  yearTo: number;
  estimates: Estimates;
  note: string;
  version: number;
  stages: StageView[];
}

const iso = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export function campaignView(r: Selectable<PlanCampaignsTable>): CampaignView {
  return { id: r.id, name: r.name, docRef: r.doc_ref, issuedOn: iso(r.issued_on), scopeText: r.scope_text, unitId: r.unit_id, version: r.version, updatedAt: r.updated_at.toISOString() };
}

/** The columns of a package row a view is made of (a table row, or the dashboard's JSON of it). */
export type PackageRow = Pick<
  Selectable<PlanPackagesTable>,
  'id' | 'campaign_id' | 'unit_id' | 'register_types' | 'year_from' | 'year_to' | 'est_books' | 'est_pages' | 'est_registrations' | 'note' | 'version'
> & {
  est_fields: string | number;
};
/** The columns of a stage row a view is made of. */
export type StageRow = Pick<Selectable<PlanPackageStagesTable>, 'stage' | 'deadline' | 'organization_id' | 'person'> & { unit_price: string | number | null };

export function packageView(r: PackageRow, stageRows: readonly (StageRow & { package_id: string })[]): PackageView {
  return packageViewOf(
    r,
    stageRows.filter((s) => s.package_id === r.id),
  );
}

/** The view of a package from its row and its own stage rows. */
export function packageViewOf(r: PackageRow, ownStages: readonly StageRow[]): PackageView {
  const byStage = new Map(ownStages.map((s) => [s.stage, s]));
  return {
    id: r.id,
    campaignId: r.campaign_id,
    unitId: r.unit_id,
    registerTypes: r.register_types,
    yearFrom: r.year_from,
    yearTo: r.year_to,
    estimates: { books: r.est_books, pages: r.est_pages, registrations: r.est_registrations, fields: Number(r.est_fields) },
    note: r.note,
    version: r.version,
    stages: STAGES.map((stage) => {
      const s = byStage.get(stage);
      return {
        stage,
        label: STAGE_INFO[stage].label,
        measure: STAGE_INFO[stage].measure,
        deadline: iso(s?.deadline ?? null),
        organizationId: s?.organization_id ?? null,
        person: s?.person ?? '',
        unitPrice: s?.unit_price == null ? null : Number(s.unit_price),
      };
    }),
  };
}

/** The catalog's field count of a register type (fields = registrations × this). */
export const fieldCountOf = (registerType: string) => getTemplate(registerType).fields.length;

/** Estimates: what the planner typed, else what the inventory declares; fields from registrations × the catalog. */
export function estimatesFrom(typed: Partial<Estimates>, inventory: { registerType: string; books: number; pages: number; registrations: number }[], registerTypes: readonly string[]): Estimates {
  const sum = (k: 'books' | 'pages' | 'registrations') => inventory.reduce((a, r) => a + r[k], 0);
  const registrations = typed.registrations ?? sum('registrations');
  const invRegs = sum('registrations');
  const invFields = inventory.reduce((a, r) => a + r.registrations * fieldCountOf(r.registerType), 0);
  const perRegistration = invRegs > 0 ? invFields / invRegs : registerTypes.reduce((a, t) => a + fieldCountOf(t), 0) / registerTypes.length;
  return { books: typed.books ?? sum('books'), pages: typed.pages ?? sum('pages'), registrations, fields: typed.fields ?? Math.round(registrations * perRegistration) };
}
