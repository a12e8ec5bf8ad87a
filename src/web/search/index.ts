/** The search feature: "Tìm kiếm" (#/search), and the keyboard shortcut that opens it from any screen. */
export { SearchPage, useSearchShortcut } from './SearchPage.js';
