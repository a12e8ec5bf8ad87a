/** The import feature: "Nhập dữ liệu từ tệp Excel/CSV" (#/imports) — choose a file and optionally a book, see the result, download the error report. */
export { ImportsPage } from './ImportsPage.js';
