import { deletePurposeData } from './cleanup.js';
import { pageNonce, PLACEHOLDER_TARGETS, purposesOf, type Gate } from './gating.js';
import { documentRoot } from './dom.js';
import { debug, setDebug, warn } from './log.js';
import { resolvePurposes } from './purposes.js';
import { readConfig } from './config.js';
import { answers, enforce } from './returning.js';
import { setting } from './options.js';
import { lifetimeMs, newId, parseRecord } from './record.js';
import {
  checkDataLayer,
  DEFAULT_CONSENT_MODE,
  gpcEnabled,
  pushConsentDefault,
  pushConsentUpdate,
} from './signals.js';
import { createSafeStorage, type SafeStorage } from './storage.js';
import { scriptPolicy } from './trusted.js';
import type { Handover } from './page-contract.js';
import {
  RECORD_SCHEMA,
  type ChangeListener,
  type Choices,
  type ConsentApi,
  type ConsentMethod,
  type ConsentModeMapping,
  type ConsentRecord,
  type DecisionContext,
  type PurposeDefinition,
  type PurposeId,
  type RazylykConfig,
} from './types.js';

export interface ConsentController<P extends string = PurposeId> extends ConsentApi<P> {
  /** Stops listening to other tabs and page mutations (tests, SPA teardown). */
  destroy(): void;
}

/**
 * The consent engine: decides, stores, enforces (gating) and announces consent. `resumed`: what the
 * script tag's first stage already did on this page (it enforced a stored decision, or pushed the
 * Consent Mode default), so that nothing is pushed twice and a change since then is announced. The
 * configuration is read once (the script tag's engine has read it already: then it is taken as it is).
 */
export function createConsent(input: RazylykConfig = {}, resumed?: Handover): ConsentController {
  const config = readConfig(null, input, 'config');
  setDebug(setting(config, 'debug'));
  const storageKey = setting(config, 'storageKey');
  const policyVersion = setting(config, 'policyVersion');
  const purposes = resolvePurposes(config.purposes);
  const mode = setting(config, 'consentMode');
  const consentMode = mode === true ? DEFAULT_CONSENT_MODE : mode || undefined;
  const gpc = gpcEnabled();
  const storage = createSafeStorage(storageKey);
  const lifetime = lifetimeMs(setting(config, 'lifetimeDays'));
  const makeRecord = recordMaker(purposes, policyVersion, lifetime, gpc, config.language);
  const [queueWrite, flush] = writeQueue(storage, (record) => announce(record, true));
  const listeners = new Set<ChangeListener>();
  const [onBlocked, heldBack] = latch(); // gating held back an element that shows a placeholder

  const load = () => usableDecision(storage.read(), policyVersion, purposes);
  let current = load();

  const isGranted = (purpose: PurposeId): boolean =>
    purposes.some((p) => p.id === purpose && p.required) || current?.choices[purpose] === true;

  /** A decision: stored (a withdrawal: cleared), enforced and announced, the revoked purposes' data deleted. */
  function decide(record: ConsentRecord, persist: boolean): ConsentRecord {
    const revoked = purposes.filter((p) => !p.required && isGranted(p.id) && !record.choices[p.id]);
    current = persist ? record : null;
    if (revoked.length) deletePurposeData(revoked);
    queueWrite(current, record);
    return record;
  }

  function announce(record: ConsentRecord, local: boolean): void {
    gate?.update();
    if (consentMode) pushConsentUpdate(consentMode, current);
    if (local) sendToLog(config.logEndpoint, record);
    notify(listeners, record);
  }

  // Another tab decided, withdrew, or cleared storage: follow it without a reload.
  const onStorage = (event: StorageEvent) =>
    (event.key === null || event.key === storageKey) && follow(current, load());

  function follow(previous: ConsentRecord | null, next: ConsentRecord | null): void {
    if (next?.id === previous?.id) return;
    current = next;
    const revoked = purposes.filter((p) => !p.required && previous?.choices[p.id] && !next?.choices[p.id]);
    if (revoked.length) deletePurposeData(revoked);
    announce(next ?? makeRecord('withdraw', () => false), false);
  }

  window.addEventListener('storage', onStorage);
  if (consentMode) resumeConsentMode(consentMode, current, resumed);
  // The stored decision changed between the two stages (another tab): announced like a storage event,
  // once whoever listened to the first stage listens here (what it did not enforce is not revoked).
  const now = current;
  if (resumed)
    queueMicrotask(() => current === now && resumed.record?.id !== now?.id && follow(resumed.enforced, now));
  const [gate, stopEnforcing] = startEnforcing(config, isGranted, purposes, heldBack);

  return {
    get: () => current,
    has: isGranted,
    needsDecision: () => current === null,
    ...decisionMethods(purposes, gpc, makeRecord, decide),
    onChange(listener: ChangeListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onBlocked,
    destroy() {
      // A decision made just before teardown is still stored and announced, now rather than later.
      flush();
      window.removeEventListener('storage', onStorage);
      stopEnforcing();
      listeners.clear();
    },
    purposes,
    gpc,
    config,
  };
}

/** Something that happens once and stays so: a listener added later hears of it at once. */
function latch(): [subscribe: (listener: () => void) => () => boolean, fire: () => void] {
  let fired = false;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    if (fired) listener();
    return () => listeners.delete(listener);
  };
  const fire = () => {
    fired = true;
    for (const listener of listeners) listener();
  };
  return [subscribe, fire];
}

type MakeRecord = (
  method: ConsentMethod,
  wanted: (id: PurposeId) => boolean,
  context?: DecisionContext,
) => ConsentRecord;

/** How every record of this configuration is made: the decision's choices and the terms they were given on. */
function recordMaker(
  purposes: PurposeDefinition[],
  policyVersion: string,
  lifetime: number,
  gpc: boolean,
  language: string | undefined,
): MakeRecord {
  return (method, wanted, context) => {
    const now = Date.now();
    const choices: Record<string, boolean> = {};
    for (const purpose of purposes) choices[purpose.id] = purpose.required || wanted(purpose.id);
    // Frozen, like a stored record once read: whoever is handed it cannot change the decision.
    return Object.freeze<ConsentRecord>({
      schema: RECORD_SCHEMA,
      id: newId(),
      policyVersion,
      textHash: typeof context?.textHash === 'string' ? context.textHash.slice(0, 200) : '',
      language: (context?.language ?? language ?? documentRoot().lang ?? '').slice(0, 35),
      decidedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + lifetime).toISOString(),
      method,
      choices: Object.freeze(choices),
      gpc,
    });
  };
}

/** The visitor's four ways to decide, each a record made and `decide`d. */
function decisionMethods(
  purposes: PurposeDefinition[],
  gpc: boolean,
  makeRecord: MakeRecord,
  decide: (record: ConsentRecord, persist: boolean) => ConsentRecord,
) {
  const choose = (method: ConsentMethod, wanted: (id: PurposeId) => boolean, context?: DecisionContext) =>
    decide(makeRecord(method, wanted, context), true);
  return {
    set(choices: Choices, context?: DecisionContext) {
      const wanted = isPlainChoices(choices) ? choices : {};
      return choose('custom', (id) => Object.hasOwn(wanted, id) && wanted[id] === true, context);
    },
    // GPC is a standing refusal: "accept all" does not override it; a custom choice can.
    acceptAll: (context?: DecisionContext) =>
      choose('accept_all', (id) => !(gpc && purposes.some((p) => p.id === id && p.gpcRestricted)), context),
    rejectAll: (context?: DecisionContext) => choose('reject_all', () => false, context),
    withdraw(context?: DecisionContext) {
      // Everything the visitor had granted is withdrawn, including data of purposes granted in another tab.
      const record = makeRecord('withdraw', () => false, context);
      deletePurposeData(purposes.filter((p) => !p.required));
      return decide(record, false);
    },
  };
}

/**
 * Bursts of programmatic decisions coalesce into one storage write and one announcement per task.
 * Returns `queue(write, notice)` (`write`: the record to store, null to clear it) and `flush()`.
 */
function writeQueue(
  storage: SafeStorage,
  announce: (record: ConsentRecord) => void,
): [queue: (write: ConsentRecord | null, notice: ConsentRecord) => void, flush: () => void] {
  let pendingWrite: ConsentRecord | null | undefined;
  let pendingNotice: ConsentRecord | undefined;
  function flush(): void {
    const record = pendingNotice;
    pendingNotice = undefined;
    if (pendingWrite !== undefined) {
      if (pendingWrite) storage.write(JSON.stringify(pendingWrite));
      else storage.remove();
      pendingWrite = undefined;
    }
    if (record) announce(record);
  }
  const queue = (write: ConsentRecord | null, notice: ConsentRecord) => {
    const first = pendingNotice === undefined;
    pendingWrite = write;
    pendingNotice = notice;
    if (first) queueMicrotask(flush);
  };
  return [queue, flush];
}

/**
 * Google Consent Mode on the engine's start: the default, unless the first stage pushed it, and the
 * stored decision, unless the first stage enforced and pushed it (a change since then is pushed when
 * the engine follows it).
 */
function resumeConsentMode(
  mapping: ConsentModeMapping,
  current: ConsentRecord | null,
  resumed?: Handover,
): void {
  const pushed = resumed?.pushed === true;
  checkDataLayer();
  if (!pushed) pushConsentDefault(mapping);
  if (current && !(pushed && resumed?.enforced)) pushConsentUpdate(mapping, current);
}

/**
 * Gating and the geolocation guard, as configured (src/core/returning.ts: the first stage's set-up),
 * for the configuration's purposes; returns the gate (for a re-check after a decision) and the teardown
 * of both. Gating fails closed and says so once per element (an empty data-consent, or a purpose nobody
 * declared: a typo); `onHeldBack` hears of an embed it holds back that shows a placeholder (the UI
 * brings the placeholders).
 */
function startEnforcing(
  config: Readonly<RazylykConfig>,
  isGranted: (purpose: PurposeId) => boolean,
  purposes: PurposeDefinition[],
  onHeldBack: () => void,
): [gate: Gate | undefined, stop: () => void] {
  const gating = setting(config, 'gating');
  // A CSP that forbids our Trusted Types policy is reported on load, not only once the visitor consents.
  if (gating && documentRoot().querySelector('script[type="text/plain"][data-consent]')) scriptPolicy();
  const declared = purposes.map((p) => p.id);
  const undeclared = new WeakSet<Element>();
  const options = {
    gating,
    geolocationGuard: setting(config, 'geolocationGuard'),
    nonce: config.nonce ?? pageNonce(),
  };
  return enforce(isGranted, options, declared, (el) => {
    const named = purposesOf(el);
    if (!named.length || !named.every((purpose) => declared.includes(purpose))) {
      if (!undeclared.has(el))
        warn('This gated element stays blocked: its data-consent names no declared purpose.', el);
      undeclared.add(el);
    } else if (el.matches(PLACEHOLDER_TARGETS)) onHeldBack();
  });
}

/** The page's listeners, then the `razylyk-change` event; a listener that throws stops nobody else. */
function notify(listeners: Set<ChangeListener>, record: ConsentRecord): void {
  for (const listener of Array.from(listeners)) {
    try {
      listener(record);
    } catch (err) {
      warn('A change listener threw:', err);
    }
  }
  window.dispatchEvent(new CustomEvent('razylyk-change', { detail: record }));
}

/** The record to the operator's log endpoint, as a beacon. */
function sendToLog(endpoint: string | undefined, record: ConsentRecord): void {
  // An http(s) URL: the configuration's check (src/core/config.ts).
  if (!endpoint) return;
  let failure: unknown = 'not queued';
  try {
    // text/plain keeps the beacon a CORS-simple request; a failure never blocks the visitor.
    if (navigator.sendBeacon(endpoint, JSON.stringify(record))) return;
  } catch (err) {
    failure = err;
  }
  warn('The consent log beacon failed:', failure);
}

/** The stored decision, if it is still the visitor's answer to this policy and these purposes. */
function usableDecision(
  raw: string | null,
  policyVersion: string,
  purposes: PurposeDefinition[],
): ConsentRecord | null {
  if (raw === null) return null;
  const result = parseRecord(raw, Date.now());
  if ('problem' in result) {
    // Expired or bad, the site owner hears of it once; the banner asks again.
    warn(`Ignoring the stored consent (${result.problem}).`);
    return null;
  }
  const record = result.record;
  if (record.policyVersion !== policyVersion)
    debug(`Policy version changed (${record.policyVersion} → ${policyVersion}); asking again.`);
  return answers(
    record,
    policyVersion,
    purposes.map((p) => p.id),
  )
    ? record
    : null;
}

function isPlainChoices(choices: unknown): choices is Choices {
  if (choices === null || typeof choices !== 'object' || Array.isArray(choices)) {
    warn('set() expects { purpose: boolean }; denying every optional purpose.');
    return false;
  }
  return true;
}
