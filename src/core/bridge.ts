import type { Razylyk } from './instance.js';

/** Announces changes on the page as `{ protocol: 'razylyk', version: 1, type, record }` messages. */
export function startBridge(instance: Razylyk): void {
  const post = (type: 'ready' | 'change') => {
    // '/' targets this window's own origin: never '*'.
    window.postMessage({ protocol: 'razylyk', version: 1, type, record: instance.get() }, '/');
  };
  instance.onChange(() => post('change'));
  queueMicrotask(() => post('ready'));
}
