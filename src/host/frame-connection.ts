import { readCommand } from '../core/bridge-commands.js';
import {
  PROTOCOL,
  PROTOCOL_VERSION,
  type BridgeAnnouncement,
  type BridgeCommand,
  type BridgeCommandType,
  type BridgeState,
} from '../core/protocol.js';
import { pageBody } from '../core/dom.js';
import { debug, warn } from '../core/log.js';
import type { ConnectOptions } from './connect.js';
import { isOrigin, optionsProblem, resolveFrame } from './frame-options.js';
import { readAnnouncement } from './messages.js';
import { awaitAnswer, type Pending } from './requests.js';

const DEFAULT_TIMEOUT_MS = 10_000;
const FIRST_HELLO_DELAY_MS = 50;
const MAX_HELLO_DELAY_MS = 1000;
const SILENCE_WARNING_MS = 10_000;

/** Receives each valid announcement; `reconnected` for the `ready` that ends a reload of the frame. */
type Receiver = (message: BridgeAnnouncement, reconnected: boolean) => void;

interface FrameConnection {
  /** The iframe (undefined when the options name none). */
  frame: HTMLIFrameElement | undefined;
  /** Resolves on the first handshake. */
  ready: Promise<void>;
  /** Sends a command once the frame is connected; resolves with the frame's state once it applied it. */
  command(type: BridgeCommandType, field?: Record<string, unknown>): Promise<BridgeState>;
  destroy(): void;
}

/**
 * The connection to the consent frame the options name: handshakes (again after every reload of the
 * frame), hands each valid announcement to `receive` and forwards commands. Only messages from
 * that frame's window and exact origin are read, and each is validated before anything in it is used.
 */
export function openFrameConnection(options: ConnectOptions, receive: Receiver): FrameConnection {
  const origin = options?.origin;
  const timeout =
    typeof options?.timeout === 'number' && options.timeout > 0 ? options.timeout : DEFAULT_TIMEOUT_MS;
  const pending = new Map<string, Pending>();
  const first = deferred();
  let connection = first;
  let connected = false;
  let destroyed = false;
  let counter = 0;
  let stopHello = () => {};

  const { iframe, created } = isOrigin(origin)
    ? resolveFrame(options)
    : { iframe: undefined, created: false };
  const problem = optionsProblem(origin, iframe, created);

  const post = (message: BridgeCommand) => iframe?.contentWindow?.postMessage(message, origin);
  const postHello = (message: BridgeCommand) => stillBlank(iframe, origin) || post(message);

  // A reloaded frame runs a new razylyk that does not know us yet: commands wait for the new handshake.
  function onLoad(): void {
    if (connected) {
      connected = false;
      connection = deferred();
    }
    stopHello();
    stopHello = sayHello(postHello, origin);
  }

  function onMessage(event: MessageEvent): void {
    const frameWindow = iframe?.contentWindow;
    if (!frameWindow || event.source !== frameWindow) return;
    if (event.origin !== origin) return debug(`Ignored a message from the consent frame on ${event.origin}.`);
    const message = readAnnouncement(event.data);
    if (typeof message === 'string') return debug(`Dropped a message from the consent frame: ${message}.`);
    if (message.type === 'change') return receive(message, false);
    const handshake = message.type === 'ready' && !connected;
    if (handshake) {
      connected = true;
      stopHello();
    }
    // A reload replaced the first connection: the frame may have decided meanwhile, without us to tell.
    receive(message, handshake && connection !== first);
    if (handshake) connection.resolve();
    if (message.requestId !== undefined) pending.get(message.requestId)?.resolve(message);
  }

  function command(type: BridgeCommandType, field?: Record<string, unknown>): Promise<BridgeState> {
    if (problem) return Promise.reject(new Error(`razylyk: not connected: ${problem}.`));
    if (destroyed) return Promise.reject(new Error('razylyk: the frame connection was destroyed.'));
    const requestId = `r${++counter}`;
    const valid = readCommand({ protocol: PROTOCOL, version: PROTOCOL_VERSION, type, requestId, ...field });
    if (typeof valid === 'string') return Promise.reject(new TypeError(`razylyk: ${type}: ${valid}.`));
    const answer = awaitAnswer(pending, requestId, type, timeout);
    const send = (): unknown =>
      connected ? post(valid) : connection.promise.then(() => pending.has(requestId) && send());
    send();
    return answer;
  }

  function destroy(): void {
    if (destroyed) return;
    destroyed = true;
    stopHello();
    window.removeEventListener('message', onMessage);
    iframe?.removeEventListener('load', onLoad);
    for (const entry of Array.from(pending.values()))
      entry.reject(new Error('razylyk: the frame connection was destroyed.'));
    if (created) iframe?.remove();
  }

  if (!problem) {
    window.addEventListener('message', onMessage);
    iframe!.addEventListener('load', onLoad);
    if (created) (options.container ?? pageBody()).append(iframe!);
    stopHello = sayHello(postHello, origin);
  }
  return { frame: iframe, ready: first.promise, command, destroy };
}

/**
 * Whether the frame still holds its initial about:blank (this page's origin), not yet the consent
 * page: a hello then would only make the browser log an origin mismatch. Readable means not there yet;
 * once the frame is on another origin, its location cannot be read.
 */
function stillBlank(iframe: HTMLIFrameElement | undefined, origin: string): boolean {
  try {
    const location = iframe?.contentWindow?.location;
    return !!location && (location.href === 'about:blank' || location.origin !== origin);
  } catch {
    return false; // another origin's document: the consent frame, or (misconfigured) some other site's
  }
}

/**
 * Says hello until the returned stop is called (on the frame's `ready`). A frame that is still loading
 * drops it (its origin is not yet `origin`), so it is repeated, less and less often, with one warning
 * after a long silence.
 */
function sayHello(post: (message: BridgeCommand) => void, origin: string): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = FIRST_HELLO_DELAY_MS;
  let silentFor = 0;
  (function hello(): void {
    post({ protocol: PROTOCOL, version: PROTOCOL_VERSION, type: 'hello' });
    silentFor += delay;
    if (silentFor >= SILENCE_WARNING_MS && silentFor - delay < SILENCE_WARNING_MS)
      warn(`The consent frame at ${origin} does not answer; is ${location.origin} in its allowedOrigins?`);
    timer = setTimeout(hello, delay);
    delay = Math.min(delay * 2, MAX_HELLO_DELAY_MS);
  })();
  return () => clearTimeout(timer);
}

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
