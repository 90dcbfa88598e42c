import { DEFAULT_STORAGE_KEY } from '../core/controller.js';
import { DEFAULT_POLICY_VERSION } from '../core/policy-version.generated.js';
import type { EnforceOptions } from '../core/returning.js';

/**
 * What the script tag's first stage reads of the configuration (data- attributes over
 * window.razylykConfig, as src/embed/config.ts reads them): only what a returning visit uses. Anything
 * else it cannot vouch for (custom purposes, a Consent Mode mapping, the settings button, the iframe
 * bridge, debug output, a value of the wrong type) sets `engineNeeded`: the engine then starts at once,
 * reads the whole configuration and reports what is wrong.
 */
export interface BootOptions extends EnforceOptions {
  storageKey: string;
  policyVersion: string;
  engineNeeded: boolean;
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function readBootOptions(script: HTMLScriptElement | null, global: unknown): BootOptions {
  let engineNeeded = global !== undefined && !isPlain(global);
  const config = isPlain(global) ? global : {};

  /**
   * The first valid value of `key`: the attribute's, else the global's (an invalid attribute falls
   * back to the global value, as in config.ts); anything invalid or unreadable is left to the engine.
   */
  const pick = <T>(
    key: string,
    parse: (value: unknown, fromAttribute: boolean) => T | undefined,
    fallback: T,
  ): T => {
    // Purposes and the nonce are never attributes (config.ts): a nonce must not be readable markup.
    const attribute = /^(purposes|nonce)$/.test(key)
      ? null
      : script?.getAttribute(`data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    let value: unknown;
    try {
      value = config[key];
    } catch {
      engineNeeded = true;
    }
    for (const [candidate, fromAttribute] of [
      [attribute, true],
      [value, false],
    ] as const) {
      if (candidate == null) continue;
      const parsed = parse(candidate, fromAttribute);
      if (parsed !== undefined) return parsed;
      engineNeeded = true;
    }
    return fallback;
  };
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  // An attribute with no value, or "true", is true; "false" is false; config holds real booleans.
  const flag = (value: unknown, fromAttribute: boolean): boolean | undefined => {
    if (!fromAttribute) return typeof value === 'boolean' ? value : undefined;
    const word = (value as string).trim().toLowerCase();
    return word === 'false' ? false : word === '' || word === 'true' ? true : undefined;
  };
  // The owner's own Consent Mode mapping is checked and pushed by the engine.
  const consentMode = pick(
    'consentMode',
    (value, fromAttribute) => (!fromAttribute && isPlain(value) ? 'mapping' : flag(value, fromAttribute)),
    true,
  );

  const options: BootOptions = {
    storageKey: pick('storageKey', text, DEFAULT_STORAGE_KEY),
    policyVersion: pick('policyVersion', text, DEFAULT_POLICY_VERSION),
    nonce: pick('nonce', text, undefined),
    gating: pick('gating', flag, true),
    geolocationGuard: pick('geolocationGuard', flag, true),
    consentMode: consentMode === true,
    engineNeeded: false,
  };
  if (
    consentMode === 'mapping' ||
    pick('purposes', () => true, false) ||
    pick('settingsButton', flag, false) ||
    pick('debug', flag, false) ||
    (pick('allowedOrigins', () => true, false) && window.parent !== window)
  )
    engineNeeded = true;
  options.engineNeeded = engineNeeded;
  return options;
}
