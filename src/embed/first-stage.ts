/**
 * The script tag: `<script src=".../razylyk.js" defer data-lang="tk"></script>` is all a site owner adds.
 *
 * This first stage is all a returning visitor loads: it checks the stored decision and enforces it
 * (gating, geolocation guard, Consent Mode), and sets a light `window.razylyk`. Everything else comes
 * from beside this file, in dist/cdn: the engine (cdn/engine.js: decisions, the configuration's checks,
 * the UI connection, the fallback notice) and the UI (cdn/ui.js). A visitor who must decide gets all
 * three at once, in parallel; a returning one only when the page asks for more than the decision.
 */
import type { Razylyk } from '../core/instance.js';
import { error } from '../core/log.js';
import { pageContract, type PageContract, type UiModule } from '../core/page-contract.js';
import { enforce, storedDecision } from '../core/returning.js';
import { grants } from '../core/record.js';
import { DEFAULT_CONSENT_MODE, pushConsentDefault, pushConsentUpdate } from '../core/signals.js';
import { DEFAULT_PURPOSES, type PurposeId } from '../core/types.js';
import { readBootOptions } from './boot-options.js';
import { createLightInstance } from './light-instance.js';
import { listenForOpeners, markReported } from '../core/openers.js';
import { importCdn, ownScript } from './script-url.js';

type Engine = typeof import('./engine.js');
const ignore = () => {};

try {
  const contract = pageContract();
  // A second copy on the page (the tag twice, or after the npm build) leaves it to the first one.
  if (!contract.instance && !contract.handover) start(contract);
} catch (err) {
  error('Could not start; gated scripts stay blocked.', err);
}

function start(contract: PageContract): void {
  const script = ownScript();
  const options = readBootOptions(script, window.razylykConfig);
  const record = storedDecision(options.storageKey, options.policyVersion);
  let engine: Promise<Razylyk> | undefined;
  let uiImport: Promise<UiModule> | undefined;
  const loadEngine = (withUi?: boolean): Promise<Razylyk> => {
    engine ??= importCdn<Engine>('engine.js')
      // Once more under another address: browsers remember a failed module fetch.
      .catch(() => importCdn<Engine>('engine.js?retry'))
      .then((module) => module.startEngine(script, uiImport))
      .catch((cause: unknown) => {
        engine = undefined;
        // The refusal names the file in every engine: WebKit's import() failure does not name the
        // module ("Importing a module script failed."), Chromium's and Firefox's do. The console
        // line carries the browser's own error.
        const err = Error('Could not load cdn/engine.js (network, CSP or CORS); gated scripts stay blocked.');
        error(err.message, cause);
        markReported(err);
        throw err;
      });
    // Reported above: a caller that only starts the engine (the gate, another tab) need not handle it.
    engine.catch(ignore);
    // The UI loads alongside the engine, not after it. Asked for second: the engine, a quarter of its
    // size, arrives and runs first, and asks for the visitor's strings while ui.js is still loading.
    if (withUi) (uiImport ??= importCdn<UiModule>('ui.js')).catch(ignore);
    return engine;
  };

  // A configuration only the engine understands (custom purposes) may not accept the stored decision:
  // nothing but `necessary` is granted until the engine has read it.
  const enforced = options.engineNeeded ? null : record;
  const { light, adopt } = createLightInstance(enforced, loadEngine);
  if (options.consentMode) {
    pushConsentDefault(DEFAULT_CONSENT_MODE);
    if (enforced) pushConsentUpdate(DEFAULT_CONSENT_MODE, enforced);
  }
  contract.handover = {
    record,
    enforced,
    pushed: options.consentMode,
    // Before a decision only `necessary` runs. A held-back embed shows a placeholder: the engine (which
    // offers the visitor a choice) loads the UI and the placeholders' chunk.
    stop: enforce(
      (purpose: PurposeId) => grants(enforced, purpose),
      options,
      DEFAULT_PURPOSES,
      () => loadEngine(),
    )[1],
    adopt,
  };
  // A queue the page filled before (`var razylyk = window.razylyk || []`, src/core/queue.ts) runs on
  // the full instance: push() loads the engine. `var` leaves a writable property: assignment replaces it.
  const queued: unknown = window.razylyk;
  (window as { razylyk?: unknown }).razylyk = light;
  if (Array.isArray(queued)) light.push(...(queued as unknown[]));
  listenForOpeners(() => contract.instance ?? light);
  // Another tab decided or withdrew (or cleared the storage: a null key): the engine follows it (and
  // announces the change).
  addEventListener('storage', (event) => {
    if (!contract.instance && (event.key ?? options.storageKey) === options.storageKey) loadEngine();
  });

  // Without a valid decision the banner must show; a configuration of the engine's needs it to read one.
  if (!enforced) loadEngine(!record);
}
