/** The sign-in feature: the login form and the signed-in user's shape. */
export { LoginForm, type SignedInUser } from './LoginForm.js';
