import { isLanguage } from './bridge.js';
import { PROTOCOL, PROTOCOL_VERSION, type BridgeCommand } from './protocol.js';
import { PURPOSE_ID } from './purposes.js';
import { isPlainObject } from './record.js';

/**
 * Reading the bridge's commands (src/core/bridge.ts has the protocol): what the frame side checks
 * before it acts, and the host page's side reuses for its replies. Apart from bridge.ts so that the
 * script tag's engine, which only announces, does not carry it (dist/cdn/chunks/frame-bridge.js does).
 */

/** Each command, and the one field it carries beyond the envelope ('' for none). */
const COMMANDS = new Map([
  ['hello', ''],
  ['get', ''],
  ['set', 'choices'],
  ['accept-all', ''],
  ['reject-all', ''],
  ['withdraw', ''],
  ['open-preferences', ''],
  ['set-language', 'language'],
]);
const ENVELOPE = ['protocol', 'version', 'type', 'requestId'];

/** The origin of a URL ('' for none): an origin option is valid when it is its own origin. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** Counts own keys (a `__proto__` key is one), stopping at the first bad or surplus key (→ -1). */
export function ownKeysWithin(value: object, allowed: (key: string) => boolean, max: number): number {
  let count = 0;
  for (const key in value) {
    if (Object.hasOwn(value, key) && (++count > max || !allowed(key))) return -1;
  }
  return count;
}

/** `{ purposeId: boolean }`, at most 64 entries. */
const isChoices = (value: unknown): value is Record<string, boolean> =>
  isPlainObject(value) &&
  ownKeysWithin(value, (key) => PURPOSE_ID.test(key) && typeof value[key] === 'boolean', 64) >= 0;

export const isRequestId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 64;

/**
 * Checks a message against the command schema; returns the command, or why it is not one.
 * Never recurses and stops at the first surplus key, so a huge or deep message costs no more than a valid one.
 */
export function readCommand(data: unknown): BridgeCommand | string {
  if (!isPlainObject(data) || data.protocol !== PROTOCOL || data.version !== PROTOCOL_VERSION)
    return 'not razylyk 1';
  const field = COMMANDS.get(data.type as string);
  if (field === undefined) return 'unknown type';
  const hasId = Object.hasOwn(data, 'requestId');
  // Every allowed key but requestId is required: the count proves they are all own properties.
  const count = ownKeysWithin(data, (key) => ENVELOPE.includes(key) || (!!field && key === field), 5);
  if (count !== 3 + +!!field + +hasId) return 'bad fields';
  if (hasId && !isRequestId(data.requestId)) return 'bad requestId';
  if (field && !(field === 'choices' ? isChoices : isLanguage)(data[field])) return `bad ${field}`;
  return data as unknown as BridgeCommand;
}
