/**
 * Database errors the services turn into domain answers. Both backends
 * (PGlite and PostgreSQL) report the SQLSTATE in `code`.
 */

/** True for a unique-constraint violation (SQLSTATE 23505). */
export const isUniqueViolation = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
