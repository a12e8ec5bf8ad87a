/**
 * The admin feature: "Người dùng" (#/admin/users, users.manage) — users,
 * organizations and scopes — and "Giao sổ" (#/admin/assign, books.assign) —
 * assigning books to keyers and reviewers, and taking them back. The server
 * still checks every action; these screens only gather it. Lazy-load it from
 * the router.
 */
export { UsersPage } from './UsersPage.js';
export { AssignPage } from './AssignPage.js';
