/**
 * archive — the inventory: register books (quyển sổ) and their pages.
 * A book keeps its authority exactly as written plus the resolved unit; pages
 * run 1..n in reading order (reordering is one transaction), may be marked
 * missing or blank, and point to content-addressed blobs. Ingested pages are
 * appended only together with the record of the file they came from.
 */
export { NewBookInput, BookPatch, BookListQuery, BOOK_CONDITIONS, PAGE_STATUSES } from './book.schema.js';
export { createBook, getBook, listBooks, updateBook, bookView, describeBook, bookNotFound, type BookView, type BookPage } from './books.service.js';
export { listPages, getPage, reorderPages, setPageStatus, insertMissingPage, pageView, type PageView } from './pages.service.js';
export { storeIngestedFile, findIngestedFile, listPageHashes, type IncomingFile, type IncomingPage, type StoredFile } from './ingested.service.js';
export { BOOK_STATUSES, BOOK_STATUS_LABELS, bookStatusOf, syncBookStatus, type BookStatus } from './book-status.js';
export { archiveRoutes } from './archive.routes.js';
export { imagesRoutes } from './images.routes.js';
export { pageInfo, pageImage, manifestOfBook, IIIF_LIMITS } from './images.service.js';
