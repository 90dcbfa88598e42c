/**
 * Load: bursts of programmatic decisions, a flood of bridge messages from allowed and disallowed origins,
 * and a thousand mount/unmount cycles of the elements, on the script-tag page (fixtures/host.html?count,
 * which counts the listeners on window and document and observes long tasks where the engine can).
 */
import { expect } from '@open-wc/testing';
import { PROTOCOL, PROTOCOL_VERSION, type BridgeState } from '../../src/core/protocol.js';
import { closeFrames } from '../helpers/frames.js';
import { OTHER } from '../helpers/origins.js';
import { shadowPart, visibleBannerButton } from '../helpers/page-ui.js';
import { storedRecord } from '../helpers/records.js';
import { freshKey } from '../helpers/storage.js';
import { nextTask, sleep, waitFor } from '../helpers/wait.js';
import { instanceOf, isChromium, openPage, type PageWindow, usedHeap } from './helpers.js';

const MB = 1024 * 1024;
const count = (list: string[], item: string) => list.filter((x) => x === item).length;

function hostUrl(config: object): string {
  return `host.html?count&config=${encodeURIComponent(JSON.stringify(config))}`;
}

/** Counts writes of `key` through the page's Storage.prototype.setItem. */
function countWrites(win: PageWindow, key: string): () => number {
  let writes = 0;
  const setItem = win.Storage.prototype.setItem;
  win.Storage.prototype.setItem = function (this: Storage, name: string, value: string) {
    if (name === key) writes++;
    return setItem.call(this, name, value);
  };
  return () => writes;
}

describe('load', () => {
  afterEach(closeFrames);

  it('10,000 programmatic toggles in 100 bursts: final state right, one write and one event per burst', async function () {
    this.timeout(90_000); // a few seconds on an idle machine
    const key = freshKey('hardening:toggles');
    const win = await openPage(hostUrl({ storageKey: key }));
    const razylyk = await instanceOf(win);
    await visibleBannerButton(win, 'accept');
    const writes = countWrites(win, key);
    const started = performance.now();
    for (let burst = 0; burst < 100; burst++) {
      for (let i = burst * 100; i < (burst + 1) * 100; i++)
        razylyk.set({ cookies: i % 2 === 1, web_beacons: i % 3 === 0, ad_personalization: i === 5 });
      await nextTask();
    }
    const elapsed = performance.now() - started;
    await sleep(300);
    // The last toggle wins: i = 9999 is odd (cookies on) and a multiple of 3 (beacons on).
    expect(razylyk.get()!.choices).to.include({
      cookies: true,
      web_beacons: true,
      ad_personalization: false,
    });
    expect(storedRecord(key, win)!.choices).to.deep.equal(razylyk.get()!.choices);
    expect(writes()).to.equal(100);
    expect(win.__log.changes.length).to.equal(100);
    // ad_personalization was granted only mid-burst, never at a burst's end: its script never ran.
    expect(count(win.__ran, 'inline:ads')).to.equal(0);
    expect(count(win.__ran, 'inline:cookies')).to.equal(1);
    expect(count(win.__ran, 'external:beacons')).to.equal(1);
    expect(elapsed).to.be.lessThan(60_000);
    expect(win.__log.errors).to.deep.equal([]);
  });

  it('2,001 clicks on a preference switch, then Save: one write with the switch on', async function () {
    this.timeout(90_000); // a few seconds on an idle machine
    const key = freshKey('hardening:switch');
    const win = await openPage(hostUrl({ storageKey: key }));
    (await visibleBannerButton(win, 'customize')).click();
    const preferences = () => win.document.querySelector('razylyk-preferences');
    const toggle = await shadowPart<HTMLInputElement>(preferences, '#purpose-cookies');
    const writes = countWrites(win, key);
    for (let i = 0; i < 2001; i++) toggle.click();
    await sleep(100);
    expect(toggle.checked).to.equal(true);
    (await shadowPart<HTMLButtonElement>(preferences, '[part~="save"]')).click();
    await waitFor(() => win.__ran.includes('inline:cookies'), 'the saved choice was not applied');
    await sleep(100);
    expect(writes()).to.equal(1);
    expect(storedRecord(key, win)!.choices).to.include({ cookies: true, web_beacons: false });
  });

  it('1,000 bridge messages a second for 10 s from allowed and disallowed origins', async function () {
    this.timeout(90_000); // ~10-20 s on an idle machine; the margin is for shared CI cores
    const key = freshKey('hardening:flood');
    const win = await openPage(hostUrl({ storageKey: key, allowedOrigins: [location.origin] }));
    await visibleBannerButton(win, 'accept');
    await sleep(300);
    // Registered after razylyk's listener: with the page's first one, it times each message's handling
    // (razylyk's listener and the microtasks it queues run between the two).
    const dispatches: Array<[number, number]> = [];
    const slowMessages: string[] = [];
    win.addEventListener('message', (event) => {
      const start = (win as unknown as { __dispatchStart: number }).__dispatchStart;
      const end = win.performance.now();
      dispatches.push([start, end]);
      if (end - start >= 20)
        slowMessages.push(
          `#${dispatches.length} ${Math.round(end - start)} ms at ${Math.round(start)}: ` +
            `${JSON.stringify(event.data).slice(0, 120)} from ${event.origin}`,
        );
    });
    const listenersBefore = win.__listeners!();
    const heapBefore = usedHeap(win);
    let targetIndex = -1;
    for (let i = 0; i < window.frames.length; i++) if (window.frames[i] === win) targetIndex = i;
    expect(targetIndex).to.be.at.least(0);

    const replies: BridgeState[] = [];
    let foreignSent = -1;
    const flood = document.createElement('iframe');
    const onMessage = (event: MessageEvent) => {
      const data = event.data as BridgeState & { flood?: string; sent?: number };
      if (event.source === win && data?.protocol === PROTOCOL && data.type === 'state') replies.push(data);
      if (event.source === flood.contentWindow && data?.flood === 'done') foreignSent = data.sent!;
    };
    window.addEventListener('message', onMessage);
    const envelope = { protocol: PROTOCOL, version: PROTOCOL_VERSION };
    const floodStarted = win.performance.now();
    try {
      // The disallowed side: a frame on the other origin, posting grants of `location` to its sibling.
      const params = new URLSearchParams({
        target: String(targetIndex),
        to: location.origin,
        rate: '500',
        ms: '10000',
      });
      flood.src = `${OTHER}/test/hardening/fixtures/flood.html?${params}`;
      document.body.append(flood);

      // The allowed side: the parent, valid commands interleaved with malformed ones.
      let sent = 0;
      let valid = 0;
      // Paced by the clock, not by timer ticks: each tick sends what is due at 500 a second.
      const begin = performance.now();
      const end = begin + 10_000;
      while (performance.now() < end) {
        const due = Math.floor((performance.now() - begin) / 2);
        for (; sent < due; sent++) {
          const requestId = `q${sent}`;
          const message = [
            {
              ...envelope,
              type: 'set',
              choices: { cookies: sent % 10 === 0, web_beacons: false },
              requestId,
            },
            { ...envelope, type: 'get', requestId },
            { ...envelope, type: 'set', choices: { location: 'yes' } },
            { ...envelope, type: 'accept-all', extra: true },
            { ...envelope, version: 2, type: 'accept-all' },
          ][sent % 5];
          if (sent % 5 < 2) valid++;
          win.postMessage(message, location.origin);
        }
        await sleep(10);
      }
      await waitFor(() => foreignSent >= 0, 'the flooding frame did not finish', 10_000);
      win.postMessage({ ...envelope, type: 'reject-all', requestId: 'final' }, location.origin);
      await waitFor(() => replies.some((r) => r.requestId === 'final'), 'no reply to the final command');
      const floodEnded = win.performance.now();
      await sleep(300);

      const rate = (sent + foreignSent) / 10;
      console.log(`bridge flood: ${sent} parent + ${foreignSent} foreign messages (${Math.round(rate)}/s)`);
      expect(rate).to.be.at.least(900);
      // Every valid command was answered, once; nothing else was.
      expect(replies.length).to.equal(valid + 1);
      expect(new Set(replies.map((r) => r.requestId)).size).to.equal(valid + 1);
      // Final state: the last command; the foreign frame's grants of `location` never took effect.
      expect(storedRecord(key, win)!.method).to.equal('reject_all');
      expect(win.__log.changes.every((record) => record.choices.location === false)).to.equal(true);
      expect(win.__ran).to.include('inline:cookies');
      expect(win.__ran).not.to.include('inline:ads');
      // No listener piled up on window or document.
      expect(win.__listeners!()).to.deep.equal(listenersBefore);
      // How long handling took is logged for the reader, not asserted: wall-clock limits flake on cores
      // shared with the other browser (speed is judged by `npm run bench`). What is asserted is that every
      // message was handled, exactly once, with the outcome above.
      const durations = dispatches.map(([start, end]) => end - start).sort((a, b) => a - b);
      const p99 = durations[Math.floor(durations.length * 0.99)];
      const total = durations.reduce((a, b) => a + b, 0);
      const over50 = durations.filter((d) => d >= 50);
      console.log(
        `bridge flood: ${dispatches.length} messages handled, p99 ${p99.toFixed(1)} ms, ` +
          `slowest ${durations.at(-1)!.toFixed(1)} ms, total ${Math.round(total)} ms, ≥50 ms: ${over50.length}`,
      );
      console.log(`bridge flood: slow messages\n${slowMessages.join('\n')}`);
      expect(dispatches.length).to.be.at.least(sent + foreignSent);
      if (isChromium()) {
        const long = win.__longTasks!.filter((t) => t.start >= floodStarted && t.start <= floodEnded);
        console.log(`bridge flood: ${long.length} long tasks (${long.map((t) => t.duration).join(', ')} ms)`);
      }
      const heapAfter = usedHeap(win);
      // Roughly stable: without a forced GC, uncollected garbage counts too, so only gross growth fails.
      if (heapBefore !== undefined && heapAfter !== undefined)
        expect(heapAfter - heapBefore).to.be.lessThan(50 * MB);
      expect(win.__log.errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('message', onMessage);
      flood.remove();
    }
  });

  it('1,000 mount/unmount cycles of <razylyk-banner> and <razylyk-policy>: no listener growth', async function () {
    this.timeout(90_000); // ~10-20 s on an idle machine; the margin is for shared CI cores
    const key = freshKey('hardening:cycles');
    const win = await openPage(hostUrl({ storageKey: key }));
    await visibleBannerButton(win, 'accept');
    const doc = win.document;
    const removed: Array<WeakRef<Element>> = [];
    const controls: Array<WeakRef<Element>> = [];
    const cycle = async () => {
      const control = doc.createElement('div');
      doc.body.append(control);
      control.remove();
      controls.push(new WeakRef(control));
      const banner = doc.createElement('razylyk-banner');
      const policy = doc.createElement('razylyk-policy');
      doc.body.append(banner, policy);
      await banner.updateComplete;
      await policy.updateComplete;
      banner.remove();
      policy.remove();
      removed.push(new WeakRef(banner), new WeakRef(policy));
    };
    for (let i = 0; i < 20; i++) await cycle();
    await sleep(200);
    const listenersBefore = win.__listeners!();
    const heapBefore = usedHeap(win);
    const started = performance.now();
    removed.length = 0;
    controls.length = 0;
    for (let i = 0; i < 1000; i++) await cycle();
    const elapsed = performance.now() - started;
    await sleep(300);
    console.log(`1,000 mount/unmount cycles: ${Math.round(elapsed)} ms`);
    expect(win.__listeners!()).to.deep.equal(listenersBefore);
    // Nothing keeps a removed element alive (a leaked subscription or listener would): after allocation
    // pressure the engine has collected them, as it has collected plain <div>s removed alongside (the
    // control: where it has not, e.g. Firefox across compartments, collection cannot be observed here).
    // No deref() until the end: a deref keeps its target alive for the rest of the job.
    let allocated = 0;
    for (let round = 0; round < 30; round++) {
      allocated += Array.from({ length: 20 }, () => new Array<number>(100_000).fill(round)).length;
      await sleep(20);
    }
    expect(allocated).to.equal(600);
    // Chromium in the test runner exposes gc() (--js-flags=--expose-gc): there, collection is forced and
    // the check below is strict rather than conditional on the control.
    const forceGc = (window as { gc?: () => void }).gc;
    if (forceGc) {
      for (let round = 0; round < 3; round++) {
        forceGc();
        await sleep(50);
      }
    }
    const alive = removed.filter((ref) => ref.deref()).length;
    const controlAlive = controls.filter((ref) => ref.deref()).length;
    const heapAfter = usedHeap(win);
    console.log(
      `1,000 mount/unmount cycles: ${alive} of ${removed.length} removed elements alive after GC pressure ` +
        `(control: ${controlAlive} of ${controls.length} <div>s); heap ` +
        `${heapBefore === undefined ? 'n/a' : `${((heapAfter! - heapBefore) / MB).toFixed(1)} MB growth`}`,
    );
    // Where gc() is forced, nearly all must be gone. Elsewhere collection is partial and conservative
    // (WebKit's collector scans the stack and keeps whatever a stale word points at: 250 of 2000 seen in
    // CI with every control <div> collected), so the bar is "most are gone": a leak keeps all of them.
    if (forceGc) expect(alive).to.be.at.most(removed.length / 10);
    else if (controlAlive <= controls.length / 10) expect(alive).to.be.at.most(removed.length / 2);
    // The page's own banner still decides, once, and the cycled elements left no subscriber that re-shows one.
    (await visibleBannerButton(win, 'reject')).click();
    await waitFor(() => storedRecord(key, win), 'the refusal was not stored');
    await sleep(200);
    expect(win.__log.changes.length).to.equal(1);
    expect(doc.querySelectorAll('razylyk-banner').length).to.be.at.most(1);
    expect(win.__log.errors).to.deep.equal([]);
  });
});
