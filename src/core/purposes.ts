import { DEFAULT_PURPOSES, type NamePattern, type PurposeDefinition, type PurposeInput } from './types.js';
import { warn } from './log.js';

/** Where each default purpose rests in the policy (ids of `locales/<lang>/policy.json`). */
const DEFAULT_SECTIONS: Record<string, string> = {
  necessary: 'how-we-use-information',
  cookies: 'how-we-collect-information',
  web_beacons: 'how-we-collect-information',
  location: 'location-data',
  ad_personalization: 'ad-optimisation',
};

/** GPC asks not to be tracked or profiled for ads: these purposes start off under it. */
const GPC_RESTRICTED = ['web_beacons', 'ad_personalization'];

/** A purpose id, in the configuration and in the bridge's `set` command. */
export const PURPOSE_ID = /^[a-z][a-z\d_]{0,39}$/;

function defaultPurpose(id: string): PurposeDefinition {
  return {
    id,
    required: id === 'necessary',
    policySection: DEFAULT_SECTIONS[id] ?? 'introduction',
    cookies: [],
    storageKeys: [],
    gpcRestricted: GPC_RESTRICTED.includes(id),
  };
}

/** The default purposes merged with the operator's additions and settings; bad entries are warned about and skipped. */
export function resolvePurposes(inputs: readonly unknown[] = []): PurposeDefinition[] {
  const purposes = DEFAULT_PURPOSES.map(defaultPurpose);
  // A list, if any: the configuration's check (src/core/config.ts); each entry is checked here.
  for (const entry of inputs) {
    // Own properties only: a polluted Object.prototype must not make a purpose required or add patterns.
    const input = (entry && typeof entry === 'object' ? ownFields(entry) : {}) as Partial<PurposeInput>;
    if (typeof input.id !== 'string' || !PURPOSE_ID.test(input.id)) {
      warn('Ignoring a purpose without a valid id (a-z, 0-9, _):', entry);
      continue;
    }
    const id = input.id;
    let purpose = purposes.find((p) => p.id === id);
    if (!purpose) purposes.push((purpose = defaultPurpose(id)));
    // `necessary` stays required whatever the config says: the service cannot run without it.
    if (typeof input.required === 'boolean' && purpose.id !== 'necessary') purpose.required = input.required;
    if (typeof input.policySection === 'string') purpose.policySection = input.policySection;
    if (typeof input.gpcRestricted === 'boolean') purpose.gpcRestricted = input.gpcRestricted;
    if (Array.isArray(input.cookies)) purpose.cookies = patterns(input.cookies);
    if (Array.isArray(input.storageKeys)) purpose.storageKeys = patterns(input.storageKeys);
    if (input.title && typeof input.title === 'object') purpose.title = copyStrings(input.title);
    if (input.description && typeof input.description === 'object')
      purpose.description = copyStrings(input.description);
  }
  return purposes;
}

/** The names to delete: plain names and patterns, and the name of each declaration (src/ui/declarations.ts). */
function patterns(list: unknown[]): NamePattern[] {
  return list
    .map((item) =>
      isPattern(item) || !item || !Object.hasOwn(item, 'name') ? item : (item as { name: unknown }).name,
    )
    .filter(isPattern);
}

function isPattern(value: unknown): value is string | RegExp {
  return (typeof value === 'string' && value.length > 0) || value instanceof RegExp;
}

/** The object's own fields, in an object without a prototype. */
function ownFields(source: object): Record<string, unknown> {
  const copy: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(source)) copy[key] = (source as Record<string, unknown>)[key];
  return copy;
}

/** Copies only own string values, so a `__proto__` key in config cannot reach a prototype. */
function copyStrings(source: Record<string, unknown>): Record<string, string> {
  const copy: Record<string, string> = Object.create(null);
  for (const key of Object.keys(source)) {
    if (typeof source[key] === 'string') copy[key] = source[key];
  }
  return copy;
}

/** Whether a cookie name or storage key matches a declared pattern (`*` is a wildcard). */
export function matchesPattern(name: string, pattern: string | RegExp): boolean {
  if (typeof pattern === 'string') {
    // `*` matches any run of characters (none included); everything else literally, newlines too ('s').
    const literal = pattern.split('*').map((part) => part.replace(/[$()+.?[\\\]^{|}]/g, '\\$&'));
    pattern = new RegExp(`^${literal.join('.*')}$`, 's');
  }
  // A /g or /y RegExp keeps lastIndex between test() calls and would skip every other name.
  pattern.lastIndex = 0;
  return pattern.test(name);
}
