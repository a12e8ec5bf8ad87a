/** The audit feature: "Nhật ký kiểm toán" (#/audit) — the write log and the read log, filtered by user, unit, record, book and dates. Lazy-load it from the router. */
export { AuditPage } from './AuditPage.js';
