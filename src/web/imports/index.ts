/** The import feature: "Nhập dữ liệu từ tệp Excel/CSV" (#/imports) — choose a file and optionally a book, see the result, download the error report; its progress bar serves the population-DB import too. */
export { ImportsPage } from './ImportsPage.js';
export { ImportProgressBar } from './ImportProgressBar.js';
