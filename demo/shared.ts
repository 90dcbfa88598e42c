/**
 * Helpers the demo pages share: the live record panel and the event log. Everything is built with
 * createElement/textContent, so no markup string ever reaches the DOM.
 */
import type { ConsentRecord } from '../src/core/types.js';
import type { Razylyk } from '../src/core/instance.js';

const MAX_LOG_ENTRIES = 60;

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`demo: #${id} is missing from the page`);
  return el as T;
}

/** Appends a timestamped line to an event log list (newest first), keeping it short. */
export function logLine(list: HTMLElement, kind: string, text: string): void {
  const item = document.createElement('li');
  const time = document.createElement('time');
  const now = new Date();
  time.dateTime = now.toISOString();
  time.textContent = now.toLocaleTimeString();
  const label = document.createElement('span');
  label.className = 'kind';
  label.textContent = kind;
  item.append(time, label, document.createTextNode(text));
  list.prepend(item);
  while (list.children.length > MAX_LOG_ENTRIES) list.lastElementChild?.remove();
}

/** A one-line summary of a record: method and the purposes granted. */
export function summarize(record: ConsentRecord | null | undefined): string {
  if (!record) return 'no record';
  const granted = Object.keys(record.choices).filter((purpose) => record.choices[purpose] === true);
  return `${record.method}: ${granted.join(', ') || 'nothing granted'}`;
}

export function showJson(target: HTMLElement, value: unknown): void {
  target.textContent = value === null || value === undefined ? 'null' : JSON.stringify(value, null, 2);
}

/** Whether a message is one of razylyk's postMessage bridge messages. */
export function isBridgeMessage(data: unknown): data is { type: string; record?: ConsentRecord | null } {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { protocol?: unknown }).protocol === 'razylyk' &&
    typeof (data as { type?: unknown }).type === 'string'
  );
}

/**
 * Resolves with the page's full instance once the script tag has created it (module scripts run
 * deferred; on a returning visit, ready() loads the engine the script tag's first stage defers).
 */
export function whenRazylyk(timeoutMs = 10000): Promise<Razylyk> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const check = () => {
      const instance = (window as { razylyk?: Razylyk }).razylyk;
      if (instance) resolve(instance.ready());
      else if (performance.now() - started > timeoutMs)
        reject(new Error('demo: window.razylyk never appeared'));
      else setTimeout(check, 20);
    };
    check();
  });
}

/** Marks a gated example's state badge on or off, with words a visitor reads. */
export function setState(badge: HTMLElement, on: boolean, onText: string, offText: string): void {
  badge.dataset.state = on ? 'on' : 'off';
  badge.textContent = on ? onText : offText;
}
