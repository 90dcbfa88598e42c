import {
  attributeFlag,
  attributeName,
  DEFAULT_STORAGE_KEY,
  type FirstStageKeys,
  type OPTIONS,
  type Same,
} from '../core/options.js';
import { DEFAULT_POLICY_VERSION } from '../core/policy-version.generated.js';
import { isPlainObject, own } from '../core/record.js';
import type { EnforceOptions } from '../core/returning.js';

/**
 * What the script tag's first stage reads of the configuration (data- attributes over
 * window.razylykConfig, as src/core/config.ts reads them): only what a returning visit uses. Anything
 * else it cannot vouch for (custom purposes, a Consent Mode mapping, the settings button, the iframe
 * bridge, debug output, a value of the wrong type) sets `engineNeeded`: the engine then starts at once,
 * reads the whole configuration and reports what is wrong.
 */
export interface BootOptions extends EnforceOptions {
  storageKey: string;
  policyVersion: string;
  /** Push the default Consent Mode mapping (a mapping of one's own takes the engine's path). */
  consentMode: boolean;
  engineNeeded: boolean;
}

type Parse<T> = (value: unknown, fromAttribute?: true) => T | undefined;
/** How the first stage reads each type of the table's options it uses (the compiler matches them up). */
interface Parsers {
  text: Parse<string>;
  nonce: Parse<string>;
  flag: Parse<boolean>;
  consentMode: Parse<boolean | 'mapping'>;
  purposes: Parse<true>;
  origins: Parse<true>;
}
type Used = FirstStageKeys<'read' | 'engine' | 'framed'>;

export function readBootOptions(script: HTMLScriptElement | null, global: unknown): BootOptions {
  // Stricter than the engine's check (no class instances): what it refuses goes to the engine.
  let engineNeeded = global !== undefined && !isPlainObject(global);
  const config = isPlainObject(global) ? global : {};

  /**
   * The valid value of `key`: the attribute's, else the global's (an invalid attribute falls back to
   * the global value, as in the engine). Anything invalid or unreadable is left to the engine.
   */
  const pick = <K extends Used, T>(
    key: K,
    parse: Parsers[(typeof OPTIONS)[K][0] & keyof Parsers] & Parse<T>,
    // The table's default (the nonce's is the tag's own).
    fallback: (typeof OPTIONS)[K][2] | (K extends 'nonce' ? string : never),
    // Purposes and the nonce are never attributes: a nonce must not be readable markup.
    attribute: string | null = attributeName(key),
  ): T | (typeof OPTIONS)[K][2] => {
    let value: unknown;
    try {
      // Own keys only: a polluted Object.prototype must not choose a storage key or turn gating off.
      value = own(config, key);
    } catch {
      engineNeeded = true;
    }
    // An invalid value is left out here and sends the configuration to the engine, which reports it.
    const valid = (candidate: unknown, fromAttribute?: true) =>
      candidate == null ? undefined : (parse(candidate, fromAttribute) ?? void (engineNeeded = true));
    return (valid(attribute && script?.getAttribute(attribute), true) ?? valid(value) ?? fallback) as T;
  };
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  // An attribute is a word (attributeFlag); the global holds real booleans.
  const flag = (value: unknown, fromAttribute?: true): boolean | undefined =>
    fromAttribute ? attributeFlag(value as string) : typeof value === 'boolean' ? value : undefined;
  // The owner's own Consent Mode mapping is checked and pushed by the engine.
  const consentMode = pick(
    'consentMode',
    (value, fromAttribute) =>
      !fromAttribute && isPlainObject(value) ? 'mapping' : flag(value, fromAttribute),
    true,
  );

  // One entry per option the table marks 'read' (the compiler checks).
  const read: Record<FirstStageKeys<'read'>, unknown> = {
    storageKey: pick('storageKey', text, DEFAULT_STORAGE_KEY),
    policyVersion: pick('policyVersion', text, DEFAULT_POLICY_VERSION),
    // Else the tag's own (browsers hide it from getAttribute): under a nonce-based CSP it has the page's.
    nonce: pick('nonce', text, script?.nonce || undefined, null),
    gating: pick('gating', flag, true),
    geolocationGuard: pick('geolocationGuard', flag, true),
    consentMode: consentMode === true,
  };
  const options = read as BootOptions;
  // The chain names every option the table marks 'engine' or 'framed' (the compiler checks): any set needs the engine.
  void (true satisfies Same<
    'purposes' | 'settingsButton' | 'debug' | 'allowedOrigins',
    FirstStageKeys<'engine' | 'framed'>
  >);
  if (
    consentMode === 'mapping' ||
    pick('purposes', () => true, undefined, null) ||
    pick('settingsButton', flag, false) ||
    pick('debug', flag, false) ||
    (pick('allowedOrigins', () => true, undefined) && parent !== window)
  )
    engineNeeded = true;
  options.engineNeeded = engineNeeded;
  return options;
}
