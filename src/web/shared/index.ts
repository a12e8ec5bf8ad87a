/** Shared by the web features: typed fetch helpers whose errors carry the server's Vietnamese message; client transaction ids; record status labels; the Vietnamese file picker; a virtual table for long lists; the sign-out event; following background jobs; breadcrumbs. */
export { ApiError, getJson, sendJson, type Health, type TemplateSummary } from './api.js';
export { newTxId, RECORD_STATUS_LABELS } from './records.js';
export { FilePicker, type FilePickerProps } from './FilePicker.js';
export { VirtualTable } from './VirtualTable.js';
export { SIGNED_OUT_EVENT } from './session.js';
export { followJob, jobOutcome, jobResult, startJob, type FollowOptions } from './jobs.js';
export { Breadcrumbs, unitCrumbs, type Crumb } from './Breadcrumbs.js';
