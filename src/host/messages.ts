import { isLanguage } from '../core/bridge.js';
import { PROTOCOL, PROTOCOL_VERSION, type BridgeAnnouncement } from '../core/protocol.js';
import { isRequestId, ownKeysWithin } from '../core/bridge-commands.js';
import { isPlainObject, validateRecord } from '../core/record.js';
import type { ConsentRecord } from '../core/types.js';

const STATE_KEYS = new Set(['protocol', 'version', 'type', 'record', 'language', 'requestId']);
const CHANGE_KEYS = new Set(['protocol', 'version', 'type', 'record']);

/**
 * Checks a message from the frame against the announcement schema (`ready`, `state`, `change`);
 * returns the announcement with a freshly validated record, or why it is not one.
 */
export function readAnnouncement(data: unknown): BridgeAnnouncement | string {
  if (!isPlainObject(data)) return 'not an object';
  if (data.protocol !== PROTOCOL || data.version !== PROTOCOL_VERSION) return 'not razylyk version 1';
  const type = data.type;
  if (type !== 'ready' && type !== 'state' && type !== 'change') return 'unknown type';
  const keys = type === 'change' ? CHANGE_KEYS : STATE_KEYS;
  const hasId = Object.hasOwn(data, 'requestId');
  // Every allowed key but requestId is required: counting them proves they are own properties.
  const required = keys.has('requestId') && !hasId ? keys.size - 1 : keys.size;
  if (ownKeysWithin(data, (key) => keys.has(key), keys.size) !== required)
    return 'missing or unexpected fields';
  if (hasId && !isRequestId(data.requestId)) return 'invalid requestId';
  if (type !== 'change' && data.language !== null && !isLanguage(data.language)) return 'invalid language';
  const record = type !== 'change' && data.record === null ? null : readRecord(data.record);
  if (typeof record === 'string') return record;
  return { ...(data as unknown as BridgeAnnouncement), record } as BridgeAnnouncement;
}

/** The record through the one schema the stored decision also goes through (src/core/record.ts). */
function readRecord(value: unknown): ConsentRecord | string {
  const result = validateRecord(value, Date.now());
  return 'problem' in result ? `invalid record (${result.problem})` : result.record;
}
