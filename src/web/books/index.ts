/** The books feature: the list of register books, one book with its upload panel and page strip. */
export { BooksPage } from './BooksPage.js';
export { BookPage } from './BookPage.js';
export { BOOK_STATUS_LABELS } from './books.api.js';
