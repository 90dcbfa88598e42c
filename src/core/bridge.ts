import { error } from './log.js';
import type { Razylyk } from './instance.js';
import { PROTOCOL, PROTOCOL_VERSION, type BridgeMessage, type BridgeState } from './protocol.js';

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
