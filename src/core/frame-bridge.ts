import { bridgeState } from './bridge.js';
import { PROTOCOL, PROTOCOL_VERSION, type BridgeChange } from './protocol.js';
import { readCommand } from './bridge-commands.js';
import type { Razylyk } from './instance.js';
import { debug, warn } from './log.js';

/**
 * The frame side of the bridge (iframe mode: `config.allowedOrigins`, in a frame): the parent page
 * sends commands; the frame answers to the exact origin that sent them and announces changes to the
 * origin of the last `hello`. Loaded lazily (src/core/bridge.ts): `early` are the messages that arrived
 * meanwhile, handled first. Returns its teardown.
 */
export function startFrameBridge(instance: Razylyk, early: MessageEvent[] = []): () => void {
  // Exact origins, and "*" only as the operator's explicit choice: the configuration's check (src/core/config.ts).
  const origins: readonly string[] = instance.config.allowedOrigins ?? [];
  let hostOrigin: string | undefined;
  const stopChanges = instance.onChange((record) => {
    const change: BridgeChange = { protocol: PROTOCOL, version: PROTOCOL_VERSION, type: 'change', record };
    if (hostOrigin) window.parent.postMessage(change, hostOrigin);
  });

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
      .then(() =>
        window.parent.postMessage(
          bridgeState(instance, type === 'hello' ? 'ready' : 'state', requestId),
          origin,
        ),
      );
  }

  early.forEach(onMessage);
  window.addEventListener('message', onMessage);
  return () => {
    stopChanges();
    window.removeEventListener('message', onMessage);
  };
}
