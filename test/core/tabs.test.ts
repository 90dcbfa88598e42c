/**
 * Two pages of one site in one browser context, each with its own engine: a decision in one reaches
 * the other through the `storage` event (fired only in other documents), without reload.
 *
 * The two pages are same-origin iframes on the other loopback name (localhost ↔ 127.0.0.1): their
 * storage is then apart from the other test files' pages, which a `localStorage.clear()` would
 * otherwise reach. They are driven over postMessage, with exact origins.
 */
import { expect } from '@open-wc/testing';
import type { ConsentRecord } from '../../src/core/types.js';
import { OTHER } from '../helpers/origins.js';
import { sleep } from '../helpers/wait.js';

interface TabState {
  returned?: { id: string; method: string };
  needsDecision: boolean;
  record: ConsentRecord | null;
  granted: string[];
  changes: Array<{ id: string; method: string }>;
  gatedRuns: number;
}

class Tab {
  private nextId = 0;
  constructor(readonly frame: HTMLIFrameElement) {}

  static async open(): Promise<Tab> {
    const frame = document.createElement('iframe');
    const ready = new Promise<void>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        if (event.source !== frame.contentWindow || event.origin !== OTHER || !event.data?.ready) return;
        window.removeEventListener('message', onMessage);
        resolve();
      };
      window.addEventListener('message', onMessage);
    });
    frame.src = `${OTHER}/test/core/fixtures/tab.html?parent=${encodeURIComponent(location.origin)}`;
    document.body.append(frame);
    await ready;
    return new Tab(frame);
  }

  call(call: string, ...args: unknown[]): Promise<TabState> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`tab did not answer ${call}`)), 3000);
      const onMessage = (event: MessageEvent) => {
        if (event.source !== this.frame.contentWindow || event.origin !== OTHER || event.data?.id !== id)
          return;
        window.removeEventListener('message', onMessage);
        clearTimeout(timer);
        resolve(event.data.state as TabState);
      };
      window.addEventListener('message', onMessage);
      this.frame.contentWindow!.postMessage({ id, call, args }, OTHER);
    });
  }

  /** Polls the tab's state until `condition` holds (storage events are asynchronous). */
  async until(condition: (state: TabState) => boolean, timeoutMs = 1000): Promise<TabState> {
    let state = await this.call('state');
    const deadline = performance.now() + timeoutMs;
    while (!condition(state)) {
      if (performance.now() > deadline) throw new Error(`tab state not reached: ${JSON.stringify(state)}`);
      await sleep(20);
      state = await this.call('state');
    }
    return state;
  }
}

describe('tabs: storage-event sync', () => {
  let a: Tab;
  let b: Tab;

  beforeEach(async () => {
    a = await Tab.open();
    b = await Tab.open();
    await a.call('clear');
    await b.until((s) => s.needsDecision);
  });
  afterEach(async () => {
    await a.call('clear');
    for (const tab of [a, b]) {
      await tab.call('destroy');
      tab.frame.remove();
    }
  });

  it('a decision in one page applies to the other within a second, without reload', async () => {
    const before = await b.call('state');
    expect(before.needsDecision).to.equal(true);
    expect(before.gatedRuns).to.equal(0);

    const accepted = (await a.call('acceptAll')).record!;
    const synced = await b.until((s) => s.granted.includes('cookies'));
    expect(synced.needsDecision).to.equal(false);
    expect(synced.record).to.deep.equal(accepted);
    expect(synced.changes).to.deep.equal([{ id: accepted.id, method: 'accept_all' }]);
    expect((await b.until((s) => s.gatedRuns === 1)).gatedRuns).to.equal(1);

    const refused = (await a.call('rejectAll')).record!;
    const after = await b.until((s) => !s.granted.includes('cookies'));
    expect(after.record?.id).to.equal(refused.id);
    expect(after.changes.map((c) => c.method)).to.deep.equal(['accept_all', 'reject_all']);
    expect(after.gatedRuns).to.equal(1);
  });

  it('the page that decided does not hear its own decision twice', async () => {
    await a.call('set', { cookies: true });
    await b.until((s) => s.granted.includes('cookies'));
    await sleep(100);
    expect((await a.call('state')).changes).to.have.length(1);
    expect((await b.call('state')).changes).to.have.length(1);
  });

  it('localStorage.clear() in one page puts the other back to "no decision"', async () => {
    await a.call('acceptAll');
    await b.until((s) => s.granted.includes('cookies'));
    await a.call('clear');
    const cleared = await b.until((s) => s.needsDecision);
    expect(cleared.record).to.equal(null);
    expect(cleared.granted).to.deep.equal([]);
    expect(cleared.changes[cleared.changes.length - 1].method).to.equal('withdraw');
  });

  it('a withdrawal in one page withdraws in the other', async () => {
    await a.call('acceptAll');
    await b.until((s) => s.granted.includes('location'));
    const withdrawn = await a.call('withdraw');
    expect(withdrawn.needsDecision).to.equal(true);
    const other = await b.until((s) => s.needsDecision);
    expect(other.granted).to.deep.equal([]);
  });

  it('ignores other keys written by the site', async () => {
    await a.call('acceptAll');
    await b.until((s) => s.granted.includes('cookies'));
    await a.call('setItem', 'unrelated', '1');
    await a.call('removeItem', 'unrelated');
    await sleep(100);
    expect((await b.call('state')).changes).to.have.length(1);
  });
});
