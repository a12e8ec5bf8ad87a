/**
 * home — the facts of a signed-in user's home page (#/ on the web): the
 * books she sees by status (her organization comes with /api/auth/me), for checkers the registrations
 * waiting for a check, for keyers her day's count and the next record to key.
 * Invariants: read only; every count keeps to the caller's scope
 * (bookInScope in each query, read in one transaction); a part the role may
 * not use is null, never an empty list that could be mistaken for "nothing".
 * HTTP: GET /api/home (books.read).
 */
export { getHome, type HomeView, type HomeBook } from './home.service.js';
export { homeRoutes } from './home.routes.js';
