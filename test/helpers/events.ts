import type { ConsentRecord } from '../../src/core/types.js';

/** Records the `razylyk-change` events the test page's window hears until `stop()`. */
export function recordChanges(): { records: ConsentRecord[]; stop(): void } {
  const records: ConsentRecord[] = [];
  const listener = (event: CustomEvent<ConsentRecord>) => records.push(event.detail);
  window.addEventListener('razylyk-change', listener);
  return { records, stop: () => window.removeEventListener('razylyk-change', listener) };
}
