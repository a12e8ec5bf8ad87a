/**
 * auth — users, organizations, roles and permissions, scopes (grants of
 * everything, units or books), sign-in sessions, and the per-route access
 * declaration and hook.
 * Invariants: passwords only as scrypt strings carrying their parameters;
 * session tokens only as sha256; sessions end when idle and at a fixed
 * absolute time; users are disabled, never deleted, and disabling or a
 * password change/reset ends their sessions; unknown login, wrong password
 * and disabled user get one identical answer; every password check is
 * reserved in the database first (throttle shared by all processes);
 * cookie-authenticated mutations must come from the app's own origin; every
 * /api and /iiif route declares its gate and target (access(...)); every
 * service that reads or writes personal data takes an ActorContext and every
 * scoped query puts bookInScope(actor, …) in its WHERE clause — an
 * out-of-scope id is "not found".
 * Wiring (server, before registering routes): the csrfHook, then
 * `installAccess(app, ctx)`, then the routes.
 */
export { Unauthorized, Forbidden, BAD_CREDENTIALS, LOGIN_REQUIRED } from './auth.errors.js';
export { hashPassword, verifyPassword, needsRehash, SCRYPT_PARAMS } from './password.js';
export { ROLES, ROLE_IDS, isRole, PERMISSIONS, PERMISSION_LABELS, can, permissionsOf, type Role, type Permission, type Principal } from './roles.js';
export { NewUserInput, LoginInput, PASSWORD_MIN } from './user.schema.js';
export {
  createUser,
  getUser,
  findUserByLogin,
  listUsers,
  setPassword,
  resetPassword,
  disableUser,
  userView,
  userDisplayNames,
  contextOfUser,
  type AuthUser,
  type PasswordReset,
} from './users.service.js';
export { login, logout, logoutEverywhere, authenticate, authenticateSession, hashToken, type LoginResult, type LoginClient } from './sessions.service.js';
export { reserveAttempt, attemptFailed, attemptSucceeded, clearLoginFailures, type AttemptTicket } from './login-throttle.service.js';
export { SESSION_COOKIE, parseCookies } from './cookies.js';
export { csrfHook, isCookieAuthenticated, ownOrigin, claimedOrigin, CSRF_REFUSED, MUTATING_METHODS } from './csrf.hook.js';
export { installAccess, passesGate, tokenFromRequest, PROTECTED_PREFIXES, type DeclaredRoute } from './auth.hook.js';
export { access, on, NONE, SELF, LIST, CREATE, TARGET_KINDS, type RouteAccess, type Target, type TargetKind, type Gate } from './route-access.js';
export { systemActor, userActor, withActor, actorIdOf, actorCan, assertPermission, forbidden, logRead, readTolerant, type Actor, type ActorContext } from './actor.js';
export { bookInScope, unitInScope, isBookVisible, isUnitVisible, seesEverything } from './scope.repo.js';
export { grantScope, revokeGrant, listGrantViews, assignBooks, unassignBooks, GrantInput, type GrantView, type GrantKind, type AssignInput } from './grants.service.js';
export {
  createOrganization,
  listOrganizations,
  getOrganization,
  setUserOrganization,
  ORGANIZATION_KINDS,
  type OrganizationView,
  type OrganizationKind,
  type NewOrganizationInput,
} from './organizations.service.js';
export { authRoutes, type SessionUser } from './auth.routes.js';
export { usersRoutes } from './users.routes.js';
