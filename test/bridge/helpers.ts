/**
 * Two loopback origins for the bridge tests: the test page runs on one (normally http://localhost:<port>)
 * and the fixture frames are served by the same server on the other (http://127.0.0.1:<port>), a
 * different origin and a different site, so the browser treats the frame as a foreign one.
 */
import type { ConsentRecord } from '../../src/core/types.js';
import { validRecord as storedRecord } from '../core/helpers.js';

export const HERE = location.origin;
export const OTHER =
  location.hostname === '127.0.0.1'
    ? `${location.protocol}//localhost:${location.port}`
    : `${location.protocol}//127.0.0.1:${location.port}`;

export interface FrameReport {
  fixture: 'report';
  id: string;
  stored: string | null;
  language: string | null;
  uiCalls: string[];
  errors: string[];
  debugLines: number;
  seen: number;
  /** Time (ms) the frame spent handling messages since the last `resetBusy`. */
  busyMs: number;
  protoIntact: boolean;
}

let counter = 0;
const uniqueId = () => `${Date.now().toString(36)}-${++counter}`;

/** A fresh storage key per frame: test files run in parallel and may share the frame origin's storage. */
export const freshKey = () => `razylyk:bridge-test:${uniqueId()}`;

/** URL of the consent-frame fixture on the other origin, allowing `allow` (each compared exactly by the frame). */
export function frameUrl(allow: string[], key = freshKey(), extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  for (const origin of allow) params.append('allow', origin);
  params.set('key', key);
  return `${OTHER}/test/bridge/fixtures/frame.html?${params}`;
}

const frames: HTMLIFrameElement[] = [];

/** Adds an iframe and waits for its document to load. */
export async function addFrame(src: string, title = 'bridge test frame'): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = title;
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  await loaded;
  return frame;
}

export function removeFrames(): void {
  for (const frame of frames.splice(0)) frame.remove();
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

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!(await condition())) {
    if (performance.now() - start > timeoutMs) throw new Error('waitFor: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
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

/** A valid record, as a frame would announce it (the core tests' fixture, with a fresh id). */
export function validRecord(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return storedRecord({ id: crypto.randomUUID(), ...overrides }) as unknown as ConsentRecord;
}
