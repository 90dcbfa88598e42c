/**
 * The script tag, as a site owner uses it: each fixture page holds only the tag (plus the test's
 * console recorder) and loads the BUILT dist/razylyk.js (npm test builds first).
 */
import { expect } from '@open-wc/testing';
import { closeFrames } from '../helpers/frames.js';
import { clearKeys } from '../helpers/storage.js';
import { sleep, waitFor } from '../helpers/wait.js';
import {
  instanceOf,
  openFixture,
  pageInstance,
  seedDecision,
  uiRequests,
  visibleAcceptButton,
  waitForBanner,
} from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;

describe('script tag (dist/razylyk.js)', () => {
  afterEach(closeFrames);

  it('shows the banner on a page that has only the tag', async () => {
    clearKeys('embed:plain');
    const win = await openFixture('plain');
    const banner = await waitForBanner(win);
    await visibleAcceptButton(banner);
    expect(uiRequests(win)).to.have.length(1);
    expect(win.razylyk).to.equal(pageInstance(win));
    expect(win.razylyk!.needsDecision()).to.equal(true);
    expect(win.__log.errors).to.deep.equal([]);
    expect(win.__log.consoleErrors).to.deep.equal([]);
  });

  it('records Accept all from the banner in localStorage and announces it once', async () => {
    clearKeys('embed:plain');
    const win = await openFixture('plain');
    (await visibleAcceptButton(await waitForBanner(win))).click();
    await waitFor(() => win.__log.changes.length > 0, 'no razylyk-change after Accept all', 1000);
    const stored = JSON.parse(win.localStorage.getItem('embed:plain')!);
    expect(stored.method).to.equal('accept_all');
    expect(stored.choices.cookies).to.equal(true);
    await sleep(100);
    expect(win.__log.changes).to.have.length(1);
  });

  it('included twice: one instance, one banner, one event per decision, no error', async () => {
    clearKeys('embed:twice');
    const win = await openFixture('twice');
    const banner = await waitForBanner(win);
    await visibleAcceptButton(banner);
    await sleep(200);
    expect(win.document.querySelectorAll('razylyk-banner')).to.have.length(1);
    expect(win.razylyk).to.equal(pageInstance(win));
    expect(uiRequests(win)).to.have.length(1);
    win.razylyk!.rejectAll();
    await sleep(100);
    expect(win.__log.changes.map((r) => r.method)).to.deep.equal(['reject_all']);
    expect(win.__log.errors).to.deep.equal([]);
    expect(win.__log.consoleErrors).to.deep.equal([]);
  });

  it('with the npm build on the same page: one instance, one banner, one event per decision', async () => {
    clearKeys('embed:with-npm');
    const win = await openFixture('with-npm');
    await waitFor(() => win.__npmInstance, 'startRazylyk() from dist/lib/index.js did not run', 8000);
    const banner = await waitForBanner(win);
    await visibleAcceptButton(banner);
    await sleep(300);
    expect(win.__npmInstance).to.equal(win.razylyk);
    expect(win.razylyk).to.equal(pageInstance(win));
    expect(win.document.querySelectorAll('razylyk-banner')).to.have.length(1);
    win.razylyk!.acceptAll();
    await sleep(100);
    expect(win.__log.changes.map((r) => r.method)).to.deep.equal(['accept_all']);
    expect(win.__log.errors).to.deep.equal([]);
    expect(win.__log.consoleErrors).to.deep.equal([]);
  });

  it('joins an instance the npm build started first: one banner, no second UI', async () => {
    clearKeys('embed:npm-then-tag');
    const win = await openFixture('npm-then-tag');
    await waitFor(() => (win as { __tagLoaded?: boolean }).__tagLoaded, 'the tag did not load', 8000);
    await visibleAcceptButton(await waitForBanner(win));
    await sleep(300);
    expect(win.razylyk).to.equal(win.__npmInstance);
    expect(win.document.querySelectorAll('razylyk-banner')).to.have.length(1);
    // The npm build's own UI chunk showed the banner; the tag fetched nothing.
    expect(uiRequests(win)).to.deep.equal([]);
    win.razylyk!.rejectAll();
    await sleep(100);
    expect(win.__log.changes.map((r) => r.method)).to.deep.equal(['reject_all']);
    expect(win.__log.consoleErrors).to.deep.equal([]);
    expect(win.__log.errors).to.deep.equal([]);
  });

  it('reads its configuration from data- attributes over window.razylykConfig', async () => {
    clearKeys('embed:attributes');
    const win = await openFixture('attributes');
    const razylyk = await instanceOf(win);
    expect(razylyk.config).to.deep.include({
      storageKey: 'embed:attributes',
      policyVersion: '2026-embed-test',
      lifetimeDays: 90,
      language: 'en',
      layout: 'modal',
      consentMode: false,
      geolocationGuard: false,
    });
    expect(razylyk.config.allowedOrigins).to.deep.equal(['https://a.example', 'https://b.example']);
    // "theme": "neon" is refused, "__proto__" and the misspelt key are not copied.
    expect(razylyk.config).not.to.have.property('theme');
    expect(Object.keys(razylyk.config)).not.to.include.members(['__proto__', 'logEndpont']);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);

    const record = razylyk.rejectAll();
    await sleep(50);
    const stored = JSON.parse(win.localStorage.getItem('embed:attributes')!);
    expect(stored.id).to.equal(record.id);
    expect(stored.policyVersion).to.equal('2026-embed-test');
    expect(Date.parse(stored.expiresAt) - Date.parse(stored.decidedAt)).to.equal(90 * DAY);
  });

  it('works when loaded with async', async () => {
    clearKeys('embed:async');
    const win = await openFixture('async');
    await visibleAcceptButton(await waitForBanner(win));
    expect(win.razylyk!.config.storageKey).to.equal('embed:async');
    expect(uiRequests(win)).to.have.length(1);
  });

  it('loaded from another origin, fetches the UI from that origin', async () => {
    clearKeys('embed:other-origin');
    const win = await openFixture('other-origin');
    await visibleAcceptButton(await waitForBanner(win));
    const otherOrigin = `http://127.0.0.1:${location.port}`;
    expect(win.location.origin).not.to.equal(otherOrigin);
    expect(uiRequests(win)).to.deep.equal([`${otherOrigin}/dist/cdn/ui.js`]);
    expect(win.razylyk!.config.storageKey).to.equal('embed:other-origin');
  });

  it('a returning visitor loads nothing more and sees no banner', async () => {
    const seeded = await seedDecision('returning', 'embed:returning', (razylyk) => razylyk.rejectAll());
    const win = await openFixture('returning');
    // The first stage's light window.razylyk answers from the stored decision; no engine, no UI.
    const razylyk = win.razylyk!;
    await sleep(500);
    expect(razylyk.has('cookies')).to.equal(false);
    expect(pageInstance(win)).to.equal(undefined);
    expect(razylyk.get()?.id).to.equal(seeded.id);
    expect(razylyk.needsDecision()).to.equal(false);
    expect(win.document.querySelector('razylyk-banner')).to.equal(null);
    expect(uiRequests(win)).to.deep.equal([]);
    const scripts = win.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      // The test server's own live-reload socket is not ours.
      .filter((path) => /\.js$/.test(path) && !path.startsWith('/__web-dev-server'));
    expect(scripts).to.have.members(['/test/embed/fixtures/record.js', '/dist/razylyk.js']);
  });

  it('[data-razylyk-open] opens the preferences, loading the UI on first use', async () => {
    await seedDecision('returning', 'embed:returning', (razylyk) => razylyk.rejectAll());
    const win = await openFixture('returning');
    win.document.querySelector<HTMLButtonElement>('[data-razylyk-open]')!.click();
    await waitFor(() => uiRequests(win).length === 1, 'the click did not load the UI', 8000);
    const preferences = () => win.document.querySelector('razylyk-preferences');
    await waitFor(() => preferences()?.open, 'the preferences dialog did not open', 8000);
    expect(preferences()!.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    expect(win.document.querySelector('razylyk-banner')).to.equal(null);
    // Once mounted, the UI handles the openers itself: a second click after closing opens it again, once.
    preferences()!.shadowRoot!.querySelector('dialog')!.close();
    await waitFor(() => !preferences()!.open, undefined, 1000);
    const opened: Event[] = [];
    win.addEventListener('razylyk-preferences-open', (event) => opened.push(event));
    win.document.querySelector<HTMLButtonElement>('[data-razylyk-open]')!.click();
    await waitFor(() => preferences()!.open, 'the second click did not open the preferences', 1000);
    await sleep(100);
    expect(opened).to.have.length(1);
    expect(win.document.querySelectorAll('razylyk-preferences')).to.have.length(1);
    expect(win.__log.consoleErrors).to.deep.equal([]);
  });

  it('[data-razylyk-open] works on elements added after the script ran', async () => {
    await seedDecision('returning', 'embed:returning', (razylyk) => razylyk.rejectAll());
    const win = await openFixture('returning');
    const late = win.document.createElement('a');
    late.href = '#nowhere';
    late.setAttribute('data-razylyk-open', '');
    late.textContent = 'Privacy settings';
    win.document.body.append(late);
    late.click();
    await waitFor(() => uiRequests(win).length === 1, 'the click did not load the UI', 8000);
    // The opener is a link: it must not navigate.
    expect(win.location.hash).to.equal('');
  });
});
