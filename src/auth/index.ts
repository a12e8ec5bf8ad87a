/**
 * auth — users, roles and permissions, sign-in sessions.
 * Invariants: passwords only as scrypt strings carrying their parameters;
 * session tokens only as sha256; sessions end when idle and at a fixed
 * absolute time; users are disabled, never deleted, and disabling or a
 * password change/reset ends their sessions; unknown login, wrong password
 * and disabled user get one identical answer; every password check is
 * reserved in the database first (throttle shared by all processes);
 * cookie-authenticated mutations must come from the app's own origin.
 * Wiring (server, before registering routes; login/logout are always public):
 *   app.addHook('onRequest', csrfHook(ctx));
 *   app.addHook('onRequest', authHook(ctx, { public: ['/api/health'] }));
 *   await app.register(authRoutes, { ctx }); await app.register(usersRoutes, { ctx });
 *   app.post('/api/users', { preHandler: requirePermission('users.manage') }, handler);
 */
export { Unauthorized, Forbidden, BAD_CREDENTIALS, LOGIN_REQUIRED } from './auth.errors.js';
export { hashPassword, verifyPassword, needsRehash, SCRYPT_PARAMS } from './password.js';
export { ROLES, ROLE_IDS, isRole, PERMISSIONS, PERMISSION_LABELS, can, permissionsOf, type Role, type Permission, type Principal } from './roles.js';
export { NewUserInput, LoginInput, PASSWORD_MIN } from './user.schema.js';
export { createUser, getUser, findUserByLogin, listUsers, setPassword, resetPassword, disableUser, userView, userDisplayNames, type AuthUser, type PasswordReset } from './users.service.js';
export { login, logout, logoutEverywhere, authenticate, hashToken, type LoginResult, type LoginClient } from './sessions.service.js';
export { reserveAttempt, attemptFailed, attemptSucceeded, clearLoginFailures, type AttemptTicket } from './login-throttle.service.js';
export { SESSION_COOKIE, parseCookies } from './cookies.js';
export { csrfHook, isCookieAuthenticated, ownOrigin, claimedOrigin, CSRF_REFUSED, MUTATING_METHODS } from './csrf.hook.js';
export { usersRoutes } from './users.routes.js';
export { authHook, requirePermission, tokenFromRequest, AUTH_PUBLIC_ROUTES, type AuthHookOptions } from './auth.hook.js';
export { authRoutes, type SessionUser } from './auth.routes.js';
