/**
 * The script tag's first stage reads part of the configuration on its own (src/embed/boot-options.ts);
 * it must reach the values the engine reaches (src/embed/config.ts, then the controller's defaults), or
 * hand over to the engine at once.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DEFAULT_STORAGE_KEY } from '../../src/core/options.js';
import { DEFAULT_POLICY_VERSION } from '../../src/core/policy-version.generated.js';
import { DEFAULT_CONSENT_MODE } from '../../src/core/signals.js';
import type { RazylykConfig } from '../../src/core/types.js';
import { readBootOptions } from '../../src/embed/boot-options.js';
import { readConfig } from '../../src/core/config.js';
import { printedBy } from '../helpers/console.js';

function tag(attributes: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  return script;
}

/** What the engine runs with, from what config.ts accepted (as src/core/consent.ts resolves it). */
function engineView(config: RazylykConfig) {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  return {
    storageKey: text(config.storageKey) ?? DEFAULT_STORAGE_KEY,
    policyVersion: text(config.policyVersion) ?? DEFAULT_POLICY_VERSION,
    gating: config.gating !== false,
    geolocationGuard: config.geolocationGuard !== false,
    defaultConsentMode: config.consentMode === undefined || config.consentMode === true,
  };
}

/** Runs `fn` with console.warn silenced (config.ts reports every bad value). */
const quietly = <T>(fn: () => T): T => printedBy(fn).result;

const attributeText = fc.oneof(
  fc.constantFrom('', ' ', 'true', 'false', 'TRUE', ' False ', 'yes', 'site:key', 'v2', 'constructor'),
  fc.string({ maxLength: 8 }),
);
const globalValue = fc.oneof(
  fc.constantFrom(undefined, true, false, '', ' ', 'true', 'site:key', 'v2', 0, null),
  fc.constant({ analytics_storage: ['cookies'] }),
  fc.constant([]),
);
const KEYS: [keyof RazylykConfig, string][] = [
  ['storageKey', 'data-storage-key'],
  ['policyVersion', 'data-policy-version'],
  ['gating', 'data-gating'],
  ['geolocationGuard', 'data-geolocation-guard'],
  ['consentMode', 'data-consent-mode'],
];

describe('embed/boot-options readBootOptions', () => {
  it('reaches the values the engine reaches, for any mix of attributes and window.razylykConfig (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.option(attributeText), globalValue), { maxLength: 6 }),
        (entries) => {
          const attributes: Record<string, string> = {};
          const global: Record<string, unknown> = {};
          for (const [[key, attribute], text, value] of entries) {
            if (text !== null) attributes[attribute] = text;
            if (value !== undefined) global[key] = value;
          }
          const script = tag(attributes);
          const engine = engineView(quietly(() => readConfig(script, global)));
          const boot = readBootOptions(script, global);
          expect({
            storageKey: boot.storageKey,
            policyVersion: boot.policyVersion,
            gating: boot.gating,
            geolocationGuard: boot.geolocationGuard,
            defaultConsentMode: boot.consentMode,
          }).to.deep.equal(engine);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves to the engine what only it handles, and takes the fast path for a plain tag', () => {
    expect(readBootOptions(tag({ 'data-lang': 'tk', 'data-storage-key': 'k' }), undefined)).to.deep.include({
      engineNeeded: false,
      storageKey: 'k',
      consentMode: true,
    });
    const needsEngine = (script: HTMLScriptElement, global?: unknown) =>
      readBootOptions(script, global).engineNeeded;
    expect(needsEngine(tag({}), { purposes: [{ id: 'video' }] }), 'custom purposes').to.equal(true);
    expect(needsEngine(tag({}), { consentMode: DEFAULT_CONSENT_MODE }), 'a mapping').to.equal(true);
    expect(needsEngine(tag({ 'data-settings-button': '' })), 'settings button').to.equal(true);
    expect(needsEngine(tag({ 'data-debug': 'true' })), 'debug').to.equal(true);
    expect(needsEngine(tag({ 'data-gating': 'maybe' })), 'a bad value').to.equal(true);
    expect(needsEngine(tag({}), 'not an object'), 'a bad config').to.equal(true);
    const hostile = Object.defineProperty({}, 'storageKey', {
      enumerable: true,
      get() {
        throw new Error('hostile getter');
      },
    });
    expect(needsEngine(tag({}), hostile), 'a throwing getter').to.equal(true);
    // Unframed, allowedOrigins does nothing yet: no reason to load the engine.
    expect(needsEngine(tag({ 'data-allowed-origins': 'https://a.example' }))).to.equal(false);
  });

  it('never reads the nonce or purposes from markup', () => {
    const options = readBootOptions(tag({ 'data-nonce': 'from-markup', 'data-purposes': 'x' }), undefined);
    expect(options.nonce).to.equal(undefined);
    expect(options.engineNeeded).to.equal(false);
  });
});
