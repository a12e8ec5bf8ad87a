/**
 * demo — a small synthetic demo province for an empty database: six register
 * books (KS, KT, KH) of four real communes of huyện Đại Từ, their pages drawn
 * to look scanned and ingested through the real pipeline, about 60 % of the
 * registrations keyed. Everything comes from one seed (seeded PRNG, no clock):
 * the ground truth of a database filled with seed n is `demoProvince(n)`, so
 * QC tests and benchmarks regenerate it instead of storing a copy.
 * Invariants: every generated registration passes validateRecord without an
 * ERROR; names follow the frequency tables in name-frequencies.ts; runDemo
 * refuses a database that already has books unless forced, and prints nothing.
 */
export { runDemo, runDemoIfEmpty, keyThroughEntry, type RunDemoOptions, type DemoSummary, type DemoBookSummary, type DemoProgress, type DemoKeyInput, type KeyRecord } from './demo.service.js';
export {
  demoProvince,
  demoBook,
  demoRecords,
  DEMO_BOOKS,
  DEFAULT_DEMO_SEED,
  type DemoProvince,
  type DemoBook,
  type DemoBookSpec,
  type DemoPage,
  type DemoRecord,
  type DemoRegisterType,
} from './demo-truth.js';
export { DEMO_COMMUNES, DEMO_DISTRICT, DEMO_PROVINCE, authorityText, type DemoCommune } from './demo-place.js';
export { renderPageJpeg, pageFileName } from './page-image.js';
export { renderPrintedPage, printedPageSvg, type PrintedPage, type PrintedPageOptions, type PrintFont } from './printed-page.js';
export { DEMO_PAGE } from './page-svg.js';
export { createRng, type Rng } from './prng.js';
export { FAMILY_NAMES, MIDDLE_NAMES, GIVEN_NAMES, GIVEN_NAME_ERA_FACTOR, nameEra } from './name-frequencies.js';
export { newPerson, type DemoPerson } from './people.js';
export { seedDemoCampaign, DEMO_CAMPAIGN } from './demo-plan.js';
export { DEMO_USERS, DEMO_ORGS, DEMO_PASSWORD, ensureDemoUsers, type DemoUser } from './demo-users.js';
export { runStagedDemo, DEMO_STAGE_PLAN, DEMO_STAGE_LABELS, DEMO_DUPLICATES, type DemoStage, type StagedBookSummary, type StagedDemoOptions } from './demo-stages.js';
export { demoCounts, type DemoCounts } from './demo.repo.js';
export { grantDemoBook, type DemoTeam } from './demo-users.js';
export { ensureEmpty as ensureDemoEmpty } from './demo.service.js';
export { synthProvince, synthPageImage, synthBirthValues, type SynthOptions, type SynthReport } from './synth.js';
export { demoPopdbReturn, DEMO_POPDB_FILE } from './demo-popdb.js';
