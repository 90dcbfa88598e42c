import { loadExtras } from './lazy.js';
import { error } from './log.js';
import { PURPOSE_ID } from './purposes.js';
import { isPlainObject } from './record.js';
import type { Razylyk } from './instance.js';
import type { ConsentRecord } from './types.js';

/**
 * The postMessage protocol, version 1. Every message is `{ protocol: 'razylyk', version: 1, type, … }`.
 * Same window: the instance announces `ready` and `change` to its own origin.
 * Iframe mode (`config.allowedOrigins`, in a frame): the parent page sends commands; the frame answers
 * to the exact origin that sent them and announces changes to the origin of the last `hello`.
 */
export const PROTOCOL = 'razylyk';
export const PROTOCOL_VERSION = 1;

interface Envelope<T extends string> {
  protocol: typeof PROTOCOL;
  version: typeof PROTOCOL_VERSION;
  type: T;
  /** Up to 64 characters, echoed in the reply (`ready` for `hello`, `state` for every other command). */
  requestId?: string;
}

export type BridgeCommand =
  | Envelope<'hello' | 'get' | 'accept-all' | 'reject-all' | 'withdraw' | 'open-preferences'>
  | (Envelope<'set'> & { choices: Record<string, boolean> })
  | (Envelope<'set-language'> & { language: string });
export type BridgeCommandType = BridgeCommand['type'];

/** The frame's state: the answer to `hello` (`ready`) and to every other command (`state`). */
export interface BridgeState<T extends 'ready' | 'state' = 'ready' | 'state'> extends Envelope<T> {
  /** The current record, null when the visitor has not decided (or withdrew). */
  record: ConsentRecord | null;
  language: string | null;
}
export type BridgeReady = BridgeState<'ready'>;
export type BridgeStateReply = BridgeState<'state'>;
/** A decision; after a withdrawal the record has method `withdraw` and the current record is null. */
export interface BridgeChange extends Omit<Envelope<'change'>, 'requestId'> {
  record: ConsentRecord;
}
export type BridgeAnnouncement = BridgeReady | BridgeStateReply | BridgeChange;
export type BridgeMessage = BridgeCommand | BridgeAnnouncement;

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
/** A short BCP 47 tag: language, then up to two subtags (`zh`, `zh-Hant`, `pt-BR`, `sr-Latn-RS`). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z\d]{1,8}){0,2}$/i;

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
export const isChoices = (value: unknown): value is Record<string, boolean> =>
  isPlainObject(value) &&
  ownKeysWithin(value, (key) => PURPOSE_ID.test(key) && typeof value[key] === 'boolean', 64) >= 0;

export const isLanguage = (value: unknown): value is string =>
  typeof value === 'string' && LANGUAGE_TAG.test(value);

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

/** The frame's current state, as `ready` (answer to `hello`) or `state` (answer to every other command). */
export function bridgeState<T extends 'ready' | 'state'>(
  instance: Razylyk,
  type: T,
  requestId?: string,
): BridgeState<T> {
  const language = instance.language ?? instance.config.language;
  const message: BridgeState<T> = {
    protocol: PROTOCOL,
    version: PROTOCOL_VERSION,
    type,
    record: instance.get(),
    language: isLanguage(language) ? language : null,
  };
  if (requestId) message.requestId = requestId;
  return message;
}

/**
 * Starts the bridge; returns its teardown. The same-window announcements are here; the frame side
 * (commands from the parent page) is fetched only when it can be used: `allowedOrigins` set and the
 * page framed. The host page repeats `hello` until the frame answers, so nothing is lost meanwhile.
 */
export function startBridge(instance: Razylyk): () => void {
  // '/' targets this window's own origin: never '*'.
  const announce = (message: BridgeMessage) => window.postMessage(message, '/');
  let stopFrame: (() => void) | undefined;
  let stopped = false;
  const stopChanges = instance.onChange((record) =>
    announce({ protocol: PROTOCOL, version: PROTOCOL_VERSION, type: 'change', record }),
  );
  queueMicrotask(() => announce(bridgeState(instance, 'ready')));

  const allowed: unknown = instance.config.allowedOrigins;
  // Messages that arrive while the frame side loads wait for it (in order, up to a bound).
  const early: MessageEvent[] = [];
  const hold = (event: MessageEvent) => early.length < 100 && early.push(event);
  const release = () => window.removeEventListener('message', hold);
  if (Array.isArray(allowed) && allowed.length && window.parent !== window) {
    window.addEventListener('message', hold);
    loadExtras().then(
      (extras) => {
        release();
        if (!stopped) stopFrame = extras.startFrameBridge(instance, early.splice(0));
      },
      (err: unknown) => {
        release();
        error('The iframe bridge could not be loaded.', err);
      },
    );
  }
  return () => {
    stopped = true;
    release();
    stopChanges();
    stopFrame?.();
  };
}
