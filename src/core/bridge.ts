import { error } from './log.js';
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

/** A short BCP 47 tag: language, then up to two subtags (`zh`, `zh-Hant`, `pt-BR`, `sr-Latn-RS`). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z\d]{1,8}){0,2}$/i;

export const isLanguage = (value: unknown): value is string =>
  typeof value === 'string' && LANGUAGE_TAG.test(value);

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
    // A chunk of its own (the script tag's is dist/cdn/chunks/frame-bridge.js): a first visit outside
    // a frame does not pay for it.
    import('./frame-bridge.js').then(
      ({ startFrameBridge }) => {
        release();
        if (!stopped) stopFrame = startFrameBridge(instance, early.splice(0));
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
