/** Certified copies on the web: issuing from a registration, citizens' requests, the issuance log. */
export { IssuePage } from './IssuePage.js';
export { ExtractsPage } from './ExtractsPage.js';
