import { warn } from './log.js';
import { grants } from './record.js';
import type { ConsentModeMapping, ConsentRecord, PurposeId } from './types.js';

/** Global Privacy Control (https://privacycg.github.io/gpc-spec/): a request not to sell or share data. */
export function gpcEnabled(): boolean {
  try {
    return navigator.globalPrivacyControl === true;
  } catch {
    return false;
  }
}

/**
 * Google Consent Mode v2 mapping: each Google consent type is granted only when every purpose listed
 * for it is granted. security_storage is necessary and always granted.
 */
export const DEFAULT_CONSENT_MODE: ConsentModeMapping = {
  functionality_storage: ['cookies'],
  personalization_storage: ['cookies'],
  analytics_storage: ['cookies', 'web_beacons'],
  ad_storage: ['cookies', 'ad_personalization'],
  ad_user_data: ['ad_personalization'],
  ad_personalization: ['ad_personalization'],
};

type ConsentState = Record<string, 'granted' | 'denied'>;

/** How long Google tags wait for our update after `default` when a banner is about to ask. */
const WAIT_FOR_UPDATE_MS = 500;

function consentModeState(
  mapping: ConsentModeMapping,
  isGranted: (purpose: PurposeId) => boolean,
): ConsentState {
  const state: ConsentState = { security_storage: 'granted' };
  for (const type of Object.keys(mapping)) {
    state[type] = mapping[type].every(isGranted) ? 'granted' : 'denied';
  }
  return state;
}

/**
 * Pushes to the page's dataLayer. One that is no array (`var dataLayer = {…}`, a frozen array, an
 * element with id "dataLayer") is skipped: Consent Mode is a signal to Google's tags, and neither the
 * banner nor gating depends on it. The engine says so once (checkDataLayer); the first stage has no
 * bytes for the words.
 */
function push(item: unknown): void {
  try {
    (window.dataLayer ??= []).push(item);
  } catch {
    // Skipped; see checkDataLayer.
  }
}

/** Warns when the page's dataLayer cannot take Consent Mode's pushes (the engine, once, at start). */
export function checkDataLayer(): void {
  let layer: unknown;
  try {
    layer = window.dataLayer;
  } catch {
    layer = 'unreadable';
  }
  if (layer !== undefined && !(Array.isArray(layer) && Object.isExtensible(layer)))
    warn('window.dataLayer is not an array razylyk can push to: Google Consent Mode signals are skipped.');
}

/** Pushes like gtag.js's `gtag()`: Google's tags read the Arguments object, not an array. */
function gtag(..._args: unknown[]): void {
  // eslint-disable-next-line prefer-rest-params
  push(arguments);
}

export function pushConsentDefault(mapping: ConsentModeMapping): void {
  const denied = consentModeState(mapping, () => false);
  gtag('consent', 'default', { ...denied, wait_for_update: WAIT_FOR_UPDATE_MS });
}

export function pushConsentUpdate(mapping: ConsentModeMapping, record: ConsentRecord | null): void {
  gtag(
    'consent',
    'update',
    consentModeState(mapping, (purpose) => grants(record, purpose)),
  );
  push({ event: 'razylyk_consent_update', razylyk_method: record?.method ?? 'none' });
}
