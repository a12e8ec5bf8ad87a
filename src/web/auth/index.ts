/** The sign-in feature: the login form, the signed-in user's shape and what it may do (`can`, NoPermission). */
export { LoginForm, type SignedInUser } from './LoginForm.js';
export { can, NoPermission, type Permission } from './permissions.js';
