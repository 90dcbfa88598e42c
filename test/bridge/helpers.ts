/**
 * The bridge tests' consent-frame fixture (test/bridge/fixtures/frame.html), served on the other loopback
 * origin (test/helpers/origins.ts) so the browser treats it as a foreign frame, and the protocol messages
 * exchanged with it.
 */
import type { ConsentRecord } from '../../src/core/types.js';
import { OTHER } from '../helpers/origins.js';
import { freshKey } from '../helpers/storage.js';

export interface FrameReport {
  fixture: 'report';
  id: string;
  stored: string | null;
  language: string | null;
  uiCalls: string[];
  errors: string[];
  debugLines: number;
  /** The frame's `[razylyk]` warnings. */
  warnings: string[];
  seen: number;
  /** Time (ms) the frame spent handling messages since the last `resetBusy`. */
  busyMs: number;
  protoIntact: boolean;
}

let counter = 0;
const uniqueId = () => `${Date.now().toString(36)}-${++counter}`;

/** The bridge tests' storage keys: test files run in parallel and may share the frame origin's storage. */
export const BRIDGE_KEYS = 'razylyk:bridge-test';

/** URL of the consent-frame fixture on the other origin, allowing `allow` (each compared exactly by the frame). */
export function frameUrl(
  allow: string[],
  key = freshKey(BRIDGE_KEYS),
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams(extra);
  for (const origin of allow) params.append('allow', origin);
  params.set('key', key);
  return `${OTHER}/test/bridge/fixtures/frame.html?${params}`;
}

/** Waits for one message from `source` that `accept` returns true for. */
export function nextMessage<T>(
  source: () => Window | null,
  accept: (data: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      removeEventListener('message', listener);
      reject(new Error('nextMessage: no matching message in time'));
    }, timeoutMs);
    const listener = (event: MessageEvent) => {
      if (event.source !== source() || !accept(event.data as T)) return;
      clearTimeout(timer);
      removeEventListener('message', listener);
      resolve(event.data as T);
    };
    addEventListener('message', listener);
  });
}

/** Sends a fixture request (`decide`, or just a report) and resolves with the frame's report. */
export function ask(frame: HTMLIFrameElement, request: Record<string, unknown> = {}): Promise<FrameReport> {
  const id = uniqueId();
  const reply = nextMessage<FrameReport>(
    () => frame.contentWindow,
    (data) => data?.fixture === 'report' && data.id === id,
  );
  frame.contentWindow!.postMessage({ fixture: 'report', ...request, id }, OTHER);
  return reply;
}

/** Records every razylyk protocol message the test page receives, with its source window and origin. */
export function recordMessages(): {
  messages: { data: Record<string, unknown>; source: MessageEventSource | null; origin: string }[];
  from(window: Window | null): Record<string, unknown>[];
  stop(): void;
} {
  const messages: { data: Record<string, unknown>; source: MessageEventSource | null; origin: string }[] = [];
  const listener = (event: MessageEvent) => {
    if (event.data?.protocol === 'razylyk')
      messages.push({ data: event.data, source: event.source, origin: event.origin });
  };
  addEventListener('message', listener);
  return {
    messages,
    from: (window) => messages.filter((m) => m.source === window).map((m) => m.data),
    stop: () => removeEventListener('message', listener),
  };
}

export const command = (type: string, fields: Record<string, unknown> = {}) => ({
  protocol: 'razylyk',
  version: 1,
  type,
  ...fields,
});

/** Posts a command to the frame and waits for the reply carrying the same requestId. */
export function request(
  frame: HTMLIFrameElement,
  type: string,
  fields: Record<string, unknown> = {},
): Promise<{ type: string; record: ConsentRecord | null; language: string | null; requestId: string }> {
  const requestId = uniqueId();
  const reply = nextMessage<{
    type: string;
    record: ConsentRecord | null;
    language: string | null;
    requestId: string;
  }>(
    () => frame.contentWindow,
    (data) => (data as { requestId?: string })?.requestId === requestId,
  );
  frame.contentWindow!.postMessage(command(type, { ...fields, requestId }), OTHER);
  return reply;
}

/** Errors and unhandled rejections on the test page itself. */
export function watchPageErrors(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(`rejection: ${String(event.reason)}`);
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
    },
  };
}
