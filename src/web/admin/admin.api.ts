/**
 * The calls of the user-management and assignment screens: the server's own
 * types (type-only imports) and the routes of src/auth/users.routes.ts.
 */
import { getJson, sendJson } from '../shared/index.js';
import type { AuthUser, GrantInput, GrantView, OrganizationKind, OrganizationView, PasswordReset, Role } from '../../auth/index.js';
import type { BookPage } from '../../archive/index.js';

export type { GrantView, OrganizationKind, OrganizationView, Role } from '../../auth/index.js';
export type { BookView as Book } from '../../archive/index.js';

/** A user as GET /api/users answers her: with her grants (her scope). */
export interface ManagedUser extends AuthUser {
  grants: GrantView[];
}

/** A hit of GET /api/units/lookup. */
export interface UnitHit {
  id: string;
  name: string;
  path: string;
  level: 'province' | 'district' | 'commune';
  scheme: 'legacy' | 'y2025' | 'historic';
}

export interface NewUser {
  login: string;
  displayName: string;
  role: Role;
  password: string;
  organizationId: string | null;
  units: string[];
}

export const listUsers = (signal?: AbortSignal) => getJson<ManagedUser[]>('/api/users', signal);
export const listOrganizations = (signal?: AbortSignal) => getJson<OrganizationView[]>('/api/organizations', signal);
/** The first 200 books (newest first) for the pickers. */
export const listBooks = (signal?: AbortSignal) => getJson<BookPage>('/api/books?limit=200', signal).then((p) => p.items);

export const lookupUnits = (q: string, signal?: AbortSignal) => getJson<UnitHit[]>(`/api/units/lookup?${new URLSearchParams({ q, limit: '12' }).toString()}`, signal);

export const createOrganization = (name: string, kind: OrganizationKind) => sendJson<OrganizationView>('POST', '/api/organizations', { name, kind });

export const createUser = (u: NewUser) => sendJson<ManagedUser>('POST', '/api/users', u);

export const addGrant = (userId: string, grant: GrantInput) => sendJson<GrantView>('POST', `/api/users/${userId}/grants`, grant);

export const revokeGrant = (grantId: string) => sendJson<void>('DELETE', `/api/grants/${grantId}`, {});

export const setOrganization = (userId: string, organizationId: string | null) => sendJson<{ ok: true }>('PUT', `/api/users/${userId}/organization`, { organizationId });

export const disableUser = (userId: string) => sendJson<AuthUser>('POST', `/api/users/${userId}/disable`, {});

export const resetPassword = (userId: string, password: string) => sendJson<PasswordReset>('POST', `/api/users/${userId}/password`, { password });

export const assignBooks = (a: { userIds: string[]; bookIds?: string[]; unitId?: string }) => sendJson<{ books: number; created: number }>('POST', '/api/assignments', a);

export const unassignBooks = (userIds: string[], bookIds: string[]) => sendJson<{ removed: number }>('POST', '/api/assignments/remove', { userIds, bookIds });
