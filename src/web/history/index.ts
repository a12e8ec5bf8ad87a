/** History panels: the book's (entity actions + corrections of its registrations) and one registration's, with the correction form. */
export { BookHistoryPanel } from './BookHistoryPanel.js';
export { RecordHistoryPage } from './RecordHistoryPage.js';
export { HistoryList } from './HistoryList.js';
