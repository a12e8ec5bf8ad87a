/**
 * extracts — certified copies (bản sao Giấy khai sinh, bản sao trích lục) of
 * digitized registrations: layouts as data over the register catalog, copy
 * numbers gap-free per issuing authority and year, an A4 PDF with a QR code
 * to the public verification page, the issuance log, revocation, citizens'
 * requests with their due time (working days, holidays) and fee.
 * Invariants: only completed, error-free registrations of accepted books are
 * certified; a copy is never deleted, only revoked with a reason; the
 * verification page shows nothing beyond what the copy prints.
 */
export { COPY_LAYOUTS, NO_COPY, findCopyLayout, type CopyLayout, type LayoutVariant, type LinePart } from './copy-layouts.js';
export { printedCopy, dateFigures, placeAndDate, type PrintedCopy, type PrintedPart } from './printed-copy.js';
export { renderCopyPdf, VERIFY_NOTE } from './copy-pdf.js';
export { dueAt, workingDays, nextWorkingDay, localDay, vnTime, CUTOFF_HOUR, CLOSE_HOUR, type IsWorkingDay, type CalendarException } from './due-time.js';
export { issueCopy, checkIssue, getCopy, copyPdf, revokeCopy, verifyUrlOf, type IssuedCopy, type IssueProgress } from './copies.service.js';
export { startIssueCopy, runIssueCopyJob, ISSUE_COPY_JOB, type IssueCopyJob } from './issue-job.js';
export { createRequest, markFound, refuseRequest, listRequestViews, requestView, type RequestView } from './requests.service.js';
export { verifyCopy, VERIFY_NOTICE, type Verification } from './verify.service.js';
export { issuanceLogXlsx } from './issuance-log.js';
export { bookAccepted, refusalsOf } from './eligibility.js';
export { setCalendarDay, calendarExceptions } from './extracts.repo.js';
export { IssueCopyInput, NewRequestInput, CalendarDayInput } from './extracts.schema.js';
export { extractsRoutes } from './extracts.routes.js';
