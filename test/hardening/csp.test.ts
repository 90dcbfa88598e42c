/**
 * A host page under a strict CSP with Trusted Types (test/server/middleware.mjs, profile `strict`):
 *   script-src 'nonce-…' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none';
 *   require-trusted-types-for 'script'; trusted-types lit-html razylyk
 * The script tag, the banner, the preferences, the policy reader, gating and the bridge all work, and the
 * page sees not one `securitypolicyviolation` event.
 */
import { expect } from '@open-wc/testing';
import { PROTOCOL, PROTOCOL_VERSION, type BridgeState } from '../../src/core/protocol.js';
import type { RazylykFrame } from '../../src/host/connect.js';
import { closeFrames } from '../helpers/frames.js';
import { deepElements, isShown, shadowPart, visibleBannerButton } from '../helpers/page-ui.js';
import { storedRecord } from '../helpers/records.js';
import { freshKey } from '../helpers/storage.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { hasTrustedTypes, instanceOf, openPage, type PageWindow } from './helpers.js';

const strictPage = (key: string, extra = '') => openPage(`csp.html?csp=strict&key=${key}${extra}`);

function expectCleanConsole(win: PageWindow): void {
  expect(win.__log.violations, 'CSP violations').to.deep.equal([]);
  expect(win.__log.errors, 'uncaught errors').to.deep.equal([]);
  expect(win.__log.consoleErrors, 'console errors').to.deep.equal([]);
}

describe('strict CSP with Trusted Types', () => {
  afterEach(closeFrames);

  it('the server really enforces the policy: an inline script without the nonce is blocked and reported', async () => {
    const win = await strictPage(freshKey('hardening:probe'));
    await instanceOf(win);
    const rogue = win.document.createElement('script');
    rogue.setAttribute('nonce', 'not-the-nonce');
    if (hasTrustedTypes(win)) {
      // Under require-trusted-types-for, even assigning script text is refused.
      expect(() => (rogue.text = 'window.__ran.push("rogue")')).to.throw();
    } else {
      rogue.text = 'window.__ran.push("rogue")';
      win.document.body.append(rogue);
    }
    await waitFor(() => win.__log.violations.length > 0, 'no violation was reported');
    expect(win.__ran).to.deep.equal([]);
  });

  it('shows the banner with no violation, styles adopted (no <style> element), gated scripts inert', async () => {
    const key = freshKey('hardening:banner');
    const win = await strictPage(key);
    const accept = await visibleBannerButton(win, 'accept');
    const banner = win.document.querySelector('razylyk-banner')!;
    expect(banner.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(deepElements(win.document).filter((el) => el.localName === 'style')).to.deep.equal([]);
    // The styles apply: a positioned surface, not unstyled flow content.
    const surface = banner.shadowRoot!.querySelector('[part~="banner"]')!;
    expect(win.getComputedStyle(surface).position).to.be.oneOf(['fixed', 'sticky']);
    expect(isShown(accept)).to.equal(true);
    await sleep(200);
    expect(win.__ran).to.deep.equal([]);
    expect(win.document.querySelector('iframe[data-consent]')!.getAttribute('src')).to.equal(null);
    expectCleanConsole(win);
  });

  it('Accept all runs the gated inline (with the page nonce) and external (through the policy) scripts and the iframe', async () => {
    const key = freshKey('hardening:accept');
    const win = await strictPage(key);
    (await visibleBannerButton(win, 'accept')).click();
    await waitFor(() => win.__ran.length === 3, `gated scripts ran: ${win.__ran}`);
    expect(win.__ran).to.deep.equal(['inline:cookies', 'external:beacons', 'inline:ads']);
    const frame = win.document.querySelector<HTMLIFrameElement>('iframe[data-consent]')!;
    await waitFor(() => frame.contentDocument?.getElementById('map'), 'the gated iframe did not load');
    const live = win.document.querySelectorAll<HTMLScriptElement>('script[data-consent]:not([type])');
    expect(live.length).to.equal(3);
    const pageNonce = win.document.querySelector<HTMLScriptElement>('script[src*="razylyk.js"]')!.nonce;
    expect(pageNonce).to.have.length.greaterThan(10);
    for (const script of Array.from(live)) if (!script.src) expect(script.nonce).to.equal(pageNonce);
    expect(storedRecord(key, win)!.method).to.equal('accept_all');
    expectCleanConsole(win);
  });

  it('preferences and the policy reader open and work with no violation', async () => {
    const key = freshKey('hardening:preferences');
    const win = await strictPage(key);
    (await visibleBannerButton(win, 'customize')).click();
    const preferences = () => win.document.querySelector('razylyk-preferences');
    // Looked up each time: a re-render may replace the element.
    const openDialog = () => preferences()?.shadowRoot?.querySelector('dialog[open]');
    await waitFor(
      () => openDialog() && isShown(openDialog()!),
      'the preferences dialog did not open visibly',
    );
    (await shadowPart<HTMLInputElement>(preferences, '#purpose-web_beacons')).click();

    // "Read more" opens the policy reader at the section the purpose rests on.
    (await shadowPart(preferences, '[data-purpose="web_beacons"] .read-more')).click();
    const reader = () => win.document.querySelector('razylyk-policy-dialog');
    await shadowPart(reader, 'dialog[open]', 'the policy reader did not open');
    const policy = () => reader()?.shadowRoot?.querySelector('razylyk-policy');
    const sections = await shadowPart(policy, 'section[part~="section"]', 'the policy text did not render');
    expect(sections.textContent!.trim().length).to.be.greaterThan(20);
    expect(policy()!.shadowRoot!.querySelectorAll('section').length).to.be.greaterThan(3);
    (await shadowPart<HTMLButtonElement>(reader, '[part~="close"]')).click();
    await waitFor(() => !reader()!.shadowRoot!.querySelector('dialog[open]'), 'the reader did not close');

    (await shadowPart<HTMLButtonElement>(preferences, '[part~="save"]')).click();
    await waitFor(() => win.__ran.length === 1, `gated scripts ran: ${win.__ran}`);
    expect(win.__ran).to.deep.equal(['external:beacons']);
    const stored = storedRecord(key, win)!;
    expect(stored.method).to.equal('custom');
    expect(stored.choices).to.include({ web_beacons: true, cookies: false, ad_personalization: false });
    expect(deepElements(win.document).filter((el) => el.localName === 'style')).to.deep.equal([]);
    expect(deepElements(win.document).filter((el) => el.hasAttribute('style'))).to.deep.equal([]);
    expectCleanConsole(win);
  });

  it('the page’s own [data-razylyk-open] button reopens the preferences after a decision', async () => {
    const win = await strictPage(freshKey('hardening:reopen'));
    (await visibleBannerButton(win, 'reject')).click();
    await waitFor(() => win.__log.changes.length === 1, 'no decision was announced');
    win.document.querySelector<HTMLButtonElement>('[data-razylyk-open]')!.click();
    await shadowPart(() => win.document.querySelector('razylyk-preferences'), 'dialog[open]');
    expect(win.__ran).to.deep.equal([]);
    expectCleanConsole(win);
  });

  it('the bridge works: same-window announcements and parent commands from an allowed origin', async () => {
    const key = freshKey('hardening:bridge');
    const win = await strictPage(key, `&allow=${encodeURIComponent(location.origin)}`);
    await visibleBannerButton(win, 'accept');
    const replies: BridgeState[] = [];
    const onReply = (event: MessageEvent) => {
      if (event.source === win && (event.data as BridgeState)?.protocol === PROTOCOL)
        replies.push(event.data as BridgeState);
    };
    window.addEventListener('message', onReply);
    const sameWindow: unknown[] = [];
    win.addEventListener('message', (event) => sameWindow.push(event.data));
    try {
      const send = (type: string, extra: object = {}) =>
        win.postMessage({ protocol: PROTOCOL, version: PROTOCOL_VERSION, type, ...extra }, location.origin);
      send('hello', { requestId: 'h1' });
      await waitFor(() => replies.some((r) => r.type === 'ready'), 'no ready reply');
      send('set', { choices: { cookies: true, location: true }, requestId: 's1' });
      await waitFor(() => replies.some((r) => r.requestId === 's1'), 'no state reply to set');
      const state = replies.find((r) => r.requestId === 's1')!;
      expect(state.record!.choices).to.include({ cookies: true, location: true, web_beacons: false });
      await waitFor(() => win.__ran.includes('inline:cookies'), 'the gated inline script did not run');
      expect(win.__ran).to.deep.equal(['inline:cookies']);
      // The frame announced the change to its own window (same-origin postMessage), never with '*'.
      await waitFor(() => sameWindow.some((m) => (m as { type?: string })?.type === 'change'));
      expect(storedRecord(key, win)!.method).to.equal('custom');
      // The banner went away once the decision was made through the bridge.
      await waitFor(
        () => !win.document.querySelector('razylyk-banner')?.shadowRoot?.querySelector('[part~="banner"]'),
        'the banner stayed after a bridge decision',
      );
      expectCleanConsole(win);
    } finally {
      window.removeEventListener('message', onReply);
    }
  });
});

describe('the host helper (dist/razylyk-host.js) on a strict-CSP host page', () => {
  afterEach(closeFrames);

  it('connects to a strict-CSP consent frame on another origin and decides through it, with no violation', async () => {
    const win = (await openPage(
      `csp-host.html?csp=strict&key=${freshKey('hardening:csp-host')}`,
    )) as PageWindow & {
      __consent: RazylykFrame;
    };
    const consent = win.__consent;
    await consent.ready;
    expect(consent.needsDecision()).to.equal(true);
    // The page's own object (the helper checks for a plain object of its realm).
    const record = await consent.set(win.JSON.parse('{"cookies":true}') as Record<string, boolean>);
    expect(record!.choices).to.include({ cookies: true, web_beacons: false });
    expect(consent.has('cookies')).to.equal(true);
    await waitFor(() => win.__log.changes.length === 1, 'the host page got no razylyk-change');
    expect(win.__log.changes[0].id).to.equal(record!.id);
    expectCleanConsole(win);
  });
});

describe('a CSP whose trusted-types omits "razylyk"', () => {
  afterEach(closeFrames);

  it('names the directive in a console error and keeps gated scripts inert, even after consent', async function () {
    if (!hasTrustedTypes()) this.skip(); // Trusted Types enforcement is Chromium-only here.
    const key = freshKey('hardening:lit-only');
    const win = await openPage(`csp.html?csp=lit-only&key=${key}`);
    // The banner itself needs only Lit's policy, which this CSP allows: the visitor can still decide.
    (await visibleBannerButton(win, 'accept')).click();
    await waitFor(
      () => win.__log.consoleErrors.some((m) => m.includes('trusted-types') && m.includes('"razylyk"')),
      'no console error names the trusted-types directive',
    );
    await sleep(300);
    expect(win.__ran).to.deep.equal([]);
    expect(win.document.querySelectorAll('script[data-consent][type="text/plain"]')).to.have.length(3);
    // The decision itself is kept, and the iframe (no script involved) follows it.
    expect(storedRecord(key, win)!.method).to.equal('accept_all');
    expect(win.__log.errors).to.deep.equal([]);
    // The refused createPolicy() is the one violation the browser reports.
    expect(win.__log.violations.every((v) => v.startsWith('trusted-types'))).to.equal(true);
  });
});
