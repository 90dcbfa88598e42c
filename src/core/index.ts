/**
 * razylyk/core: the consent engine alone (no Lit, no i18next). This is all a returning visitor loads.
 */
export * from './types.js';
export { createConsent, getRazylyk, peekRazylyk, resetRazylyk } from './browser-only.js';
export { type ConsentController } from './consent.js';
export { DEFAULT_STORAGE_KEY, DEFAULT_LIFETIME_DAYS } from './options.js';
export * from './protocol.js';
export { VERSION, type PageRazylyk, type Razylyk } from './instance.js';
export type { UiHooks } from './page-contract.js';
export { parseRecord, validateRecord, MAX_RECORD_CHARS, MAX_LIFETIME_DAYS } from './record.js';
export { DEFAULT_CONSENT_MODE } from './signals.js';
export { hashText } from './hash.js';
export { isSafeUrl } from './trusted.js';
export { matchesPattern } from './purposes.js';
export { DEFAULT_POLICY_VERSION } from './policy-version.generated.js';
