/** Same-window announcements (src/core/bridge.ts): any listener on the page reads ready and change. */
import { expect } from '@open-wc/testing';
import { getRazylyk, resetRazylyk } from '../../src/core/instance.js';
import { freshKey } from '../helpers/storage.js';
import { nextTask, sleep, waitFor } from '../helpers/wait.js';
import { BRIDGE_KEYS } from './helpers.js';

describe('bridge: same window', () => {
  afterEach(resetRazylyk);

  it('posts ready and change, with the record, to this window and origin only', async () => {
    resetRazylyk();
    const seen: { data: Record<string, unknown>; origin: string; source: unknown }[] = [];
    const listener = (event: MessageEvent) => {
      if (event.data?.protocol === 'razylyk')
        seen.push({ data: event.data, origin: event.origin, source: event.source });
    };
    addEventListener('message', listener);
    const key = freshKey(BRIDGE_KEYS);
    const razylyk = getRazylyk({ storageKey: key, consentMode: false, gating: false, language: 'en' });
    await waitFor(() => seen.length === 1);
    expect(seen[0].data).to.deep.equal({
      protocol: 'razylyk',
      version: 1,
      type: 'ready',
      record: null,
      language: 'en',
    });
    expect(seen[0].origin).to.equal(location.origin);
    expect(seen[0].source).to.equal(window);

    const record = razylyk.set({ cookies: true });
    await waitFor(() => seen.length === 2);
    removeEventListener('message', listener);
    expect(seen[1].data).to.deep.equal({ protocol: 'razylyk', version: 1, type: 'change', record });
    expect(JSON.parse(localStorage.getItem(key)!).id).to.equal(record.id);
    localStorage.removeItem(key);
  });

  it('does not take commands from the page when it is not in a frame', async () => {
    resetRazylyk();
    const key = freshKey(BRIDGE_KEYS);
    const razylyk = getRazylyk({
      storageKey: key,
      consentMode: false,
      gating: false,
      allowedOrigins: [location.origin],
    });
    window.postMessage({ protocol: 'razylyk', version: 1, type: 'accept-all' }, location.origin);
    await sleep(100);
    expect(razylyk.get()).to.equal(null);
    expect(localStorage.getItem(key)).to.equal(null);
  });

  it('stops announcing once the instance is destroyed', async () => {
    resetRazylyk();
    const razylyk = getRazylyk({ storageKey: freshKey(BRIDGE_KEYS), consentMode: false, gating: false });
    await nextTask();
    const seen: unknown[] = [];
    const listener = (event: MessageEvent) => event.data?.protocol === 'razylyk' && seen.push(event.data);
    addEventListener('message', listener);
    razylyk.destroy();
    razylyk.acceptAll();
    await sleep(50);
    removeEventListener('message', listener);
    expect(seen).to.deep.equal([]);
  });
});
