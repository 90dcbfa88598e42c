/**
 * The script tag's two stages: dist/razylyk.js alone enforces a stored decision; dist/cdn/engine.js
 * takes over when the page asks for more, without running a gated script twice, pushing Consent Mode
 * twice or losing a listener.
 */
import { expect } from '@open-wc/testing';
import { DEFAULT_POLICY_VERSION } from '../../src/core/policy-version.generated.js';
import type { ConsentRecord } from '../../src/core/types.js';
import { closeFrames } from '../helpers/frames.js';
import { validRecord } from '../helpers/records.js';
import { clearKeys } from '../helpers/storage.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { openFixture, pageInstance, seedDecision } from './helpers.js';

const KEY = 'embed:stages';

/** Requests the page made for one of our files (resource timing: what went over the network). */
const fetched = (win: Window, file: string) =>
  (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
    (entry) => new URL(entry.name).pathname === file,
  );

type DataLayerEntry = ArrayLike<unknown> & { event?: string };
const consentCalls = (win: Window, kind: string) =>
  ((win as { dataLayer?: DataLayerEntry[] }).dataLayer ?? []).filter(
    (entry) => entry[0] === 'consent' && entry[1] === kind,
  );

/** A first visit that accepts everything, as an earlier page view would have. */
const seedAcceptAll = () => seedDecision('returning-gated', KEY, (razylyk) => razylyk.acceptAll());

describe('script tag stages (razylyk.js, then cdn/engine.js)', () => {
  afterEach(closeFrames);

  it('a returning visit runs the granted gated script from the first stage alone', async () => {
    const seeded = await seedAcceptAll();
    const win = await openFixture('returning-gated');
    await waitFor(() => win.__gatedRan === 1, 'the granted script did not run', 1000);
    await sleep(300);
    expect(win.razylyk!.get()!.id).to.equal(seeded.id);
    expect(win.razylyk!.has('web_beacons')).to.equal(true);
    expect(fetched(win, '/dist/cdn/engine.js')).to.have.length(0);
    expect(pageInstance(win)).to.equal(undefined);
    expect(consentCalls(win, 'default')).to.have.length(1);
    expect((consentCalls(win, 'update')[0][2] as Record<string, string>).analytics_storage).to.equal(
      'granted',
    );
  });

  it('the engine takes over: the gated script still ran once, Consent Mode was not pushed again', async () => {
    await seedAcceptAll();
    const win = await openFixture('returning-gated');
    await waitFor(() => win.__gatedRan === 1, 'the granted script did not run', 1000);
    const light = win.razylyk!;
    const full = await light.ready();
    await sleep(300);
    expect(full).to.equal(pageInstance(win));
    expect(win.razylyk).to.equal(full);
    expect(win.__gatedRan).to.equal(1);
    expect(win.document.querySelectorAll('script[src$="gated.js"]')).to.have.length(1);
    expect(consentCalls(win, 'default')).to.have.length(1);
    expect(consentCalls(win, 'update')).to.have.length(1);
    expect(win.__log.consoleErrors).to.deep.equal([]);
  });

  it('a decision through the light instance loads the engine, stores it and reaches earlier listeners', async () => {
    await seedAcceptAll();
    const win = await openFixture('returning-gated');
    const light = win.razylyk!;
    const heard: ConsentRecord[] = [];
    light.onChange((record) => heard.push(record));
    const record = await light.rejectAll();
    await waitFor(() => heard.length === 1, 'the listener registered before the engine heard nothing', 1000);
    expect(heard[0].id).to.equal(record.id);
    expect(JSON.parse(win.localStorage.getItem(KEY)!).id).to.equal(record.id);
    expect(light.has('cookies')).to.equal(false);
    expect(win.__log.changes.map((r) => r.method)).to.deep.equal(['reject_all']);
    // Consent Mode: one default (first stage), then the engine's update for the new decision.
    expect(consentCalls(win, 'default')).to.have.length(1);
    const updates = consentCalls(win, 'update');
    expect((updates.at(-1)![2] as Record<string, string>).analytics_storage).to.equal('denied');
    expect(win.document.querySelector('razylyk-banner')).to.equal(null);
  });

  it("another tab's withdrawal loads the engine, which announces it and asks again", async () => {
    await seedAcceptAll();
    const win = await openFixture('returning-gated');
    await waitFor(() => win.__gatedRan === 1, 'the granted script did not run', 1000);
    // This test's window is another browsing context on the same origin: a storage event there.
    localStorage.removeItem(KEY);
    await waitFor(() => win.__log.changes.length === 1, 'the withdrawal was not announced', 8000);
    expect(win.__log.changes[0].method).to.equal('withdraw');
    expect(win.razylyk!.needsDecision()).to.equal(true);
    await waitFor(() => win.document.querySelector('razylyk-banner'), 'the banner did not ask again', 8000);
  });

  it('a storage event loads the engine only for the consent key, or when storage was cleared (null key)', async () => {
    await seedAcceptAll();
    const win = await openFixture('returning-gated');
    await waitFor(() => win.__gatedRan === 1, 'the granted script did not run', 1000);
    win.dispatchEvent(new win.StorageEvent('storage', { key: 'someone-else' }));
    await sleep(300);
    expect(fetched(win, '/dist/cdn/engine.js')).to.have.length(0);
    win.dispatchEvent(new win.StorageEvent('storage', { key: null }));
    await waitFor(() => pageInstance(win), 'a cleared storage did not load the engine', 8000);
    // The decision is still stored: the engine follows it and announces nothing.
    expect(win.razylyk!.get()!.method).to.equal('accept_all');
    expect(win.__log.changes).to.deep.equal([]);
  });

  it('a first visit fetches the UI alongside the engine, and the engine, the UI and the strings once each', async () => {
    clearKeys(KEY);
    const win = await openFixture('returning-gated');
    await waitFor(() => win.document.querySelector('razylyk-banner'), 'no banner', 8000);
    const [engine] = fetched(win, '/dist/cdn/engine.js');
    const [ui] = fetched(win, '/dist/cdn/ui.js');
    const [strings] = fetched(win, '/dist/cdn/chunks/ui-en.js');
    expect([engine, ui, strings].every(Boolean), 'engine, ui and strings fetched').to.equal(true);
    // The UI does not wait for the engine to run: the first stage asks for both at once, and the engine
    // asks for the strings once it runs.
    expect(ui.startTime).to.be.at.most(strings.startTime);
    for (const file of ['engine.js', 'ui.js', 'chunks/ui-en.js'])
      expect(fetched(win, `/dist/cdn/${file}`), file).to.have.length(1);
    // Nothing else of ours: i18next comes with the preferences' chunk, not with the banner.
    const ours = (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/dist/'));
    expect(ours.sort()).to.deep.equal([
      '/dist/cdn/chunks/ui-en.js',
      '/dist/cdn/engine.js',
      '/dist/cdn/ui.js',
      '/dist/razylyk.js',
    ]);
    expect(win.__gatedRan).to.equal(undefined);
  });

  it('the preferences come in a chunk of their own, fetched as the visitor reaches for Customize', async () => {
    clearKeys(KEY);
    const win = await openFixture('returning-gated');
    await waitFor(() => win.document.querySelector('razylyk-banner'), 'no banner', 8000);
    const banner = win.document.querySelector('razylyk-banner')!;
    await waitFor(() => banner.shadowRoot?.querySelector('[part~="customize"]'), 'no Customize button', 1000);
    const dialogChunk = () =>
      (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) =>
        /\/dist\/cdn\/chunks\/dialog-elements\.js$/.test(new URL(entry.name).pathname),
      );
    await sleep(300);
    expect(dialogChunk(), 'fetched with the banner').to.have.length(0);
    expect(win.customElements.get('razylyk-preferences')).to.equal(undefined);
    const customize = banner.shadowRoot!.querySelector<HTMLButtonElement>('[part~="customize"]')!;
    customize.focus();
    await waitFor(() => dialogChunk().length === 1, 'focus near the buttons did not fetch the chunk', 1000);
    customize.click();
    const preferences = () => win.document.querySelector('razylyk-preferences');
    await waitFor(() => preferences()?.open, 'the preferences did not open', 8000);
    expect(dialogChunk()).to.have.length(1);
    expect(win.__log.consoleErrors).to.deep.equal([]);
  });

  it('opening the preferences on a returning visit fetches the engine and the UI together', async () => {
    await seedAcceptAll();
    const win = await openFixture('returning-gated');
    const opener = win.document.createElement('button');
    opener.setAttribute('data-razylyk-open', '');
    opener.textContent = 'Privacy settings';
    win.document.body.append(opener);
    opener.click();
    const preferences = () => win.document.querySelector('razylyk-preferences');
    await waitFor(() => preferences()?.open, 'the preferences did not open', 8000);
    const [engine] = fetched(win, '/dist/cdn/engine.js');
    const [ui] = fetched(win, '/dist/cdn/ui.js');
    const [strings] = fetched(win, '/dist/cdn/chunks/ui-en.js');
    expect([engine, ui, strings].every(Boolean), 'engine, ui and strings fetched').to.equal(true);
    // Not one after the other: ui.js was asked for before the engine ran (and asked for the strings).
    expect(ui.startTime).to.be.at.most(strings.startTime);
    // The engine asks for the preferences' chunk as it starts (its speed is the benchmark's business):
    // that request and ui.js's own import must be one module, fetched once.
    const dialogs = win.performance
      .getEntriesByType('resource')
      .filter((entry) => /\/dist\/cdn\/chunks\/dialog-elements\.js$/.test(entry.name));
    expect(dialogs, 'the dialogs chunk, fetched once').to.have.length(1);
    for (const file of ['engine.js', 'ui.js', 'chunks/ui-en.js'])
      expect(fetched(win, `/dist/cdn/${file}`), file).to.have.length(1);
    expect(win.document.querySelector('razylyk-banner')).to.equal(null);
    expect(win.__gatedRan).to.equal(1);
  });

  it('with a purpose only the engine knows, nothing runs before the engine has read the decision', async () => {
    const key = 'embed:custom-purpose';
    const stored = (choices: Record<string, boolean>) =>
      localStorage.setItem(
        key,
        JSON.stringify(
          validRecord({
            id: crypto.randomUUID(),
            policyVersion: DEFAULT_POLICY_VERSION,
            method: 'accept_all',
            choices: {
              necessary: true,
              cookies: true,
              web_beacons: true,
              location: true,
              ad_personalization: true,
              ...choices,
            },
          }),
        ),
      );
    // Decided before "video" existed: the engine asks again, and the cookies script never runs.
    stored({});
    let win = await openFixture('custom-purpose');
    await waitFor(() => win.document.querySelector('razylyk-banner'), 'the engine did not ask again', 8000);
    await sleep(300);
    expect(win.__gatedRan).to.equal(undefined);
    expect(win.__log.changes).to.deep.equal([]);
    closeFrames();
    // Decided with "video" too: the engine honours the decision; the script runs once, no event.
    stored({ video: false });
    win = await openFixture('custom-purpose');
    await waitFor(() => win.__gatedRan === 1, 'the granted script did not run', 8000);
    await sleep(300);
    expect(win.__gatedRan).to.equal(1);
    expect(win.__log.changes).to.deep.equal([]);
    expect(win.document.querySelector('razylyk-banner')).to.equal(null);
    localStorage.removeItem(key);
  });
});
