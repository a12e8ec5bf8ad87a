/**
 * auth — users, roles and permissions, sign-in sessions.
 * Invariants: passwords only as scrypt strings carrying their parameters;
 * session tokens only as sha256; users are disabled, never deleted, and
 * disabling or a password change ends their sessions; unknown login, wrong
 * password and disabled user get one identical answer; scope is 'all' for now.
 * Wiring (server, before registering routes; login/logout are always public):
 *   app.addHook('onRequest', authHook(ctx, { public: ['/api/health'] }));
 *   await app.register(authRoutes, { ctx });
 *   app.post('/api/users', { preHandler: requirePermission('users.manage') }, handler);
 */
export { Unauthorized, Forbidden, BAD_CREDENTIALS, LOGIN_REQUIRED } from './auth.errors.js';
export { hashPassword, verifyPassword, needsRehash, SCRYPT_PARAMS } from './password.js';
export { ROLES, ROLE_IDS, isRole, PERMISSIONS, PERMISSION_LABELS, can, permissionsOf, type Role, type Permission, type Principal } from './roles.js';
export { NewUserInput, LoginInput, PASSWORD_MIN } from './user.schema.js';
export { createUser, getUser, findUserByLogin, listUsers, setPassword, disableUser, userView, userDisplayNames, type AuthUser } from './users.service.js';
export { login, logout, authenticate, hashToken, SESSION_TTL_MS, type LoginResult } from './sessions.service.js';
export { LoginThrottle, throttleFor, THROTTLE_LIMITS } from './login-throttle.js';
export { SESSION_COOKIE, parseCookies } from './cookies.js';
export { authHook, requirePermission, tokenFromRequest, AUTH_PUBLIC_ROUTES, type AuthHookOptions } from './auth.hook.js';
export { authRoutes, type SessionUser } from './auth.routes.js';
