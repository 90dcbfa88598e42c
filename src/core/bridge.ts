import { debug, warn } from './log.js';
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
const PURPOSE_ID = /^[a-z][a-z\d_]{0,39}$/;

export function isPlain(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
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
  isPlain(value) &&
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
  if (!isPlain(data) || data.protocol !== PROTOCOL || data.version !== PROTOCOL_VERSION)
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

/** Starts the bridge; returns its teardown. */
export function startBridge(instance: Razylyk): () => void {
  const state = <T extends 'ready' | 'state'>(type: T, requestId?: string): BridgeState<T> => {
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
  };
  // '/' targets this window's own origin: never '*'.
  const announce = (message: BridgeMessage) => window.postMessage(message, '/');
  let hostOrigin: string | undefined;
  const stopChanges = instance.onChange((record) => {
    const change: BridgeChange = { protocol: PROTOCOL, version: PROTOCOL_VERSION, type: 'change', record };
    announce(change);
    if (hostOrigin) window.parent.postMessage(change, hostOrigin);
  });
  queueMicrotask(() => announce(state('ready')));

  const allowed: unknown = instance.config.allowedOrigins;
  if (!Array.isArray(allowed) || !allowed.length || window.parent === window) return stopChanges;
  const origins: unknown[] = allowed;
  for (const origin of origins) {
    if (origin !== '*' && (typeof origin !== 'string' || originOf(origin) !== origin))
      warn(`allowedOrigins: ${origin} is not an origin (https://host[:port]); it never matches.`);
  }

  function onMessage(event: MessageEvent): void {
    if (event.source === window) return; // our own same-window announcements
    const { origin, data } = event;
    // Exact matches only; an opaque origin ("null") could be any sandboxed document, so it never is one.
    const trusted =
      event.source === window.parent &&
      origin !== 'null' &&
      (origins.includes(origin) || origins.includes('*'));
    if (!trusted) return debug('Ignored a message: not from the parent on an allowed origin:', origin);
    const command = readCommand(data);
    if (typeof command === 'string') return debug(`Dropped a message (${command}) from`, origin);
    const { type, requestId } = command;
    if (type === 'hello') hostOrigin = origin;
    // Every other command is the instance method of the same name in camelCase (accept-all → acceptAll).
    const method = type.replace(/-./g, (s) => s[1].toUpperCase());
    const argument =
      type === 'set' ? command.choices : type === 'set-language' ? command.language : undefined;
    Promise.resolve()
      .then(
        () =>
          type !== 'hello' &&
          (instance as unknown as Record<string, (a: unknown) => unknown>)[method](argument),
      )
      .catch((err) => warn(`The bridge command "${type}" failed:`, err))
      .then(() => window.parent.postMessage(state(type === 'hello' ? 'ready' : 'state', requestId), origin));
  }

  window.addEventListener('message', onMessage);
  return () => {
    stopChanges();
    window.removeEventListener('message', onMessage);
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
