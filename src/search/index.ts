/**
 * search — finding people in the registrations, however the name was typed.
 * Owns person_index (migration 0018): one row per person block of a
 * registration, keyed in TypeScript by src/vn nameKeys (the same
 * normalization keying and QC use), written by indexRecord in the
 * transaction that writes the records row (entry's writeProjection calls it)
 * and rebuilt by rebuildPersonIndex.
 * Invariants: candidates come from B-tree keys (folded name, tên + họ, one
 * edit away); pg_trgm similarity ranks them, or runs under a selective
 * filter, never over the whole table; results respect scope (extracts.issue
 * sees the province in a minimal view, opening still needs scope); every
 * search is written to the access log.
 */
export { indexRecord, insertPeople, rebuildPersonIndex, type IndexedPerson, type RebuildReport } from './person-index.repo.js';
export { personRows, sameIndexed, dateSpan, headTail, type IndexableRecord, type PersonRow } from './person-rows.js';
export { nameQuery, editVariants, type NameQuery } from './query.js';
export { searchPeople, type SearchHit, type SearchResult } from './search.service.js';
export { SearchInput } from './search.schema.js';
export { searchRoutes } from './search.routes.js';
