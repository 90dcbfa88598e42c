/**
 * Host pages that fight back (fixtures/host.html flags, fixtures/lit-host.html): their own Lit, CSS that
 * resets and hides everything, a <base> elsewhere, frozen prototypes, a broken localStorage or JSON.parse.
 * razylyk still shows and works, or fails closed (gated scripts blocked) with a clear message.
 */
import { expect } from '@open-wc/testing';
import { closeFrames } from '../helpers/frames.js';
import { fallbackNotice, isShown, shadowPart, visibleBannerButton } from '../helpers/page-ui.js';
import { storedRecord } from '../helpers/records.js';
import { freshKey } from '../helpers/storage.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { instanceOf, openPage, type PageWindow } from './helpers.js';

type LitWindow = PageWindow & { litHtmlVersions?: string[] };

/** The control a pointer at the button's centre would hit, looking into the banner's shadow root. */
function hitTarget(button: HTMLElement): Element | null {
  const box = button.getBoundingClientRect();
  const root = button.getRootNode() as ShadowRoot;
  return root.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
}

async function acceptAndExpectGatedToRun(win: PageWindow): Promise<void> {
  const accept = await visibleBannerButton(win, 'accept');
  expect(win.__ran).to.deep.equal([]);
  accept.click();
  await waitFor(() => win.__ran.length === 3, `gated scripts ran: ${win.__ran}`);
  expect(win.__ran).to.deep.equal(['inline:cookies', 'external:beacons', 'inline:ads']);
}

/** A decision stored by an earlier visit with this build (so the record is valid for this policy version). */
async function seedAcceptAll(key: string): Promise<void> {
  const first = await openPage(`host.html?key=${key}`);
  (await instanceOf(first)).acceptAll();
  await waitFor(() => localStorage.getItem(key), 'the earlier visit stored nothing');
  closeFrames();
}

describe('a host page that ships its own Lit', () => {
  afterEach(closeFrames);

  it('both copies run side by side: the host element renders, the banner shows and decides', async () => {
    const key = freshKey('hardening:lit');
    const win = (await openPage(`lit-host.html?key=${key}`)) as LitWindow;
    await visibleBannerButton(win, 'accept');
    const widget = await shadowPart(() => win.document.querySelector('host-widget'), '#host');
    expect(widget.textContent).to.equal('host widget');
    expect(win.getComputedStyle(widget).color).to.equal('rgb(0, 128, 0)');
    // Two copies of lit-html registered themselves: the host's and razylyk's bundled one.
    expect(win.litHtmlVersions!.length).to.be.at.least(2);
    (await visibleBannerButton(win, 'reject')).click();
    await waitFor(() => storedRecord(key, win), 'nothing stored');
    expect(storedRecord(key, win)!.method).to.equal('reject_all');
    expect(win.__ran).to.deep.equal([]);
    expect(win.__log.errors).to.deep.equal([]);
    expect(win.__log.consoleErrors).to.deep.equal([]);
  });

  it('under strict CSP with trusted-types "allow-duplicates": both copies work with no violation', async () => {
    const key = freshKey('hardening:lit-csp');
    const win = (await openPage(`lit-host.html?csp=strict-duplicates&key=${key}`)) as LitWindow;
    await shadowPart(() => win.document.querySelector('host-widget'), '#host');
    (await visibleBannerButton(win, 'accept')).click();
    await waitFor(() => win.__ran.length === 1, 'the gated script did not run');
    expect(win.__log.violations).to.deep.equal([]);
    expect(win.__log.errors).to.deep.equal([]);
  });

  it('under strict CSP without "allow-duplicates": razylyk’s Lit cannot start, so the fallback notice asks instead', async function () {
    // Only an engine that enforces Trusted Types refuses the second 'lit-html' policy.
    if (!('trustedTypes' in window)) this.skip();
    const key = freshKey('hardening:lit-csp-dup');
    const win = (await openPage(`lit-host.html?csp=strict&key=${key}`)) as LitWindow;
    await shadowPart(() => win.document.querySelector('host-widget'), '#host');
    const { accept, reject } = await fallbackNotice(win);
    expect(isShown(accept) && isShown(reject)).to.equal(true);
    expect(win.__log.consoleErrors.some((m) => m.includes('UI could not be loaded'))).to.equal(true);
    expect(win.__ran).to.deep.equal([]);
    accept.click();
    await waitFor(() => win.__ran.length === 1, 'the gated script did not run after Accept all');
    expect(storedRecord(key, win)!.method).to.equal('accept_all');
  });
});

describe('a host page with hostile global CSS', () => {
  afterEach(closeFrames);

  it('`* { all: unset !important }` and hidden buttons/divs/dialogs: the banner still shows and takes clicks', async () => {
    const key = freshKey('hardening:css');
    const win = await openPage(`host.html?css&key=${key}`);
    await waitFor(
      () => win.getComputedStyle(win.document.querySelector('h1')!).display === 'inline',
      'the hostile stylesheet did not apply',
    );
    // The page's own button is hidden by the host CSS, as intended by the test.
    expect(isShown(win.document.querySelector('[data-razylyk-open]')!)).to.equal(false);
    for (const part of ['accept', 'reject', 'customize'] as const) {
      const button = await visibleBannerButton(win, part);
      expect(hitTarget(button), `${part} is covered or not hit-testable`).to.equal(button);
    }
    const banner = win.document.querySelector('razylyk-banner')!;
    const title = banner.shadowRoot!.querySelector('[part~="title"]')!;
    expect(isShown(title)).to.equal(true);
    expect(parseFloat(win.getComputedStyle(title).fontSize)).to.be.greaterThan(10);

    (await visibleBannerButton(win, 'customize')).click();
    const preferences = () => win.document.querySelector('razylyk-preferences');
    // Looked up each time: a re-render may replace the element.
    const openDialog = () => preferences()?.shadowRoot?.querySelector('dialog[open]');
    await waitFor(() => openDialog() && isShown(openDialog()!), undefined, 10_000).catch(() => {
      const dialog = preferences()?.shadowRoot?.querySelector('dialog');
      const style = dialog ? win.getComputedStyle(dialog) : undefined;
      const seen = { open: dialog?.open, box: dialog?.getBoundingClientRect(), opacity: style?.opacity };
      throw new Error(`the preferences dialog is hidden by the host CSS: ${JSON.stringify(seen)}`);
    });
    const save = await shadowPart<HTMLButtonElement>(preferences, '[part~="save"]');
    expect(isShown(save)).to.equal(true);
    (await shadowPart<HTMLInputElement>(preferences, '#purpose-cookies')).click();
    save.click();
    await waitFor(() => win.__ran.length === 1, 'the gated script did not run');
    expect(win.__ran).to.deep.equal(['inline:cookies']);
    expect(win.__log.errors).to.deep.equal([]);
  });
});

describe('a host page with <base href="https://elsewhere.invalid/">', () => {
  afterEach(closeFrames);

  it('loads the UI from beside the script tag, not from the base URL, and works', async () => {
    const key = freshKey('hardening:base');
    const win = await openPage(`host.html?base&key=${key}`);
    expect(win.document.baseURI).to.equal('https://elsewhere.invalid/');
    await acceptAndExpectGatedToRun(win);
    const requested = win.performance.getEntriesByType('resource').map((e) => e.name);
    expect(requested.some((url) => url.startsWith(`${location.origin}/dist/cdn/ui.js`))).to.equal(true);
    expect(requested.filter((url) => url.includes('elsewhere.invalid'))).to.deep.equal([]);
    // The policy reader's chunks resolve from the UI module too.
    await win.razylyk!.openPreferences();
    const preferences = () => win.document.querySelector('razylyk-preferences');
    await shadowPart(preferences, 'dialog[open]');
    (await shadowPart(preferences, '.read-more')).click();
    const policy = () =>
      win.document.querySelector('razylyk-policy-dialog')?.shadowRoot?.querySelector('razylyk-policy');
    await shadowPart(policy, 'section', 'the policy did not load under a foreign <base>');
    expect(win.__log.errors).to.deep.equal([]);
    expect(win.__log.consoleErrors).to.deep.equal([]);
  });
});

describe('a host page with frozen Object.prototype, Array.prototype and Function.prototype', () => {
  afterEach(closeFrames);

  it('shows the banner, records the decision and runs gated scripts after it', async () => {
    const key = freshKey('hardening:frozen');
    const win = await openPage(`host.html?freeze&key=${key}`);
    expect(Object.isFrozen(win.Object.prototype)).to.equal(true);
    await acceptAndExpectGatedToRun(win);
    expect(storedRecord(key, win)!.method).to.equal('accept_all');
    expect(win.__log.errors).to.deep.equal([]);
    expect(win.__log.consoleErrors).to.deep.equal([]);
  });
});

describe('a host page that breaks localStorage', () => {
  afterEach(closeFrames);

  it('a throwing localStorage getter: a warning, the banner, and a decision that holds for the page', async () => {
    const win = await openPage(`host.html?storage=throw&key=${freshKey('hardening:throw')}`);
    await acceptAndExpectGatedToRun(win);
    expect(win.__log.consoleWarns.some((m) => m.includes('localStorage is unavailable'))).to.equal(true);
    expect(win.razylyk!.get()!.method).to.equal('accept_all');
    expect(win.__log.errors).to.deep.equal([]);
  });

  it('setItem throwing QuotaExceededError: the decision still takes effect for the page', async () => {
    const key = freshKey('hardening:quota');
    const win = await openPage(`host.html?storage=quota&key=${key}`);
    await acceptAndExpectGatedToRun(win);
    expect(localStorage.getItem(key)).to.equal(null);
    expect(win.__log.consoleWarns.some((m) => m.includes('localStorage is unavailable'))).to.equal(true);
    expect(win.__log.errors).to.deep.equal([]);
  });

  it('getItem returning a forged record: ignored with a warning, the banner asks, nothing runs', async () => {
    const win = await openPage(`host.html?storage=garbage&key=${freshKey('hardening:garbage')}`);
    await visibleBannerButton(win, 'accept');
    await sleep(200);
    expect(win.__ran).to.deep.equal([]);
    expect(win.razylyk!.has('cookies')).to.equal(false);
    expect(win.__log.consoleWarns.some((m) => m.includes('Ignoring the stored consent'))).to.equal(true);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect((win.Object.prototype as unknown as Record<string, unknown>).polluted).to.equal(undefined);
    expect(win.__log.errors).to.deep.equal([]);
  });
});

describe('a host page that replaces JSON.parse', () => {
  afterEach(closeFrames);

  for (const mode of ['garbage', 'throw'] as const) {
    it(`JSON.parse ${mode === 'garbage' ? 'returning a forged grant' : 'throwing'}: the stored decision is not trusted, the banner asks, nothing runs early`, async () => {
      const key = freshKey(`hardening:json-${mode}`);
      await seedAcceptAll(key);
      const win = await openPage(`host.html?json=${mode}&key=${key}`);
      const reject = await visibleBannerButton(win, 'reject');
      await sleep(200);
      expect(win.__ran).to.deep.equal([]);
      expect(win.razylyk!.has('cookies')).to.equal(false);
      expect(win.__log.consoleWarns.some((m) => m.includes('Ignoring the stored consent'))).to.equal(true);
      reject.click();
      await waitFor(() => win.__log.changes.length === 1, 'the refusal was not announced');
      expect(win.__ran).to.deep.equal([]);
      expect(win.__log.errors).to.deep.equal([]);
    });
  }
});

describe('a host page that already defined <razylyk-banner> (a name collision)', () => {
  afterEach(closeFrames);

  it('says so in a console error and still lets the visitor decide, with gated scripts blocked until then', async () => {
    const key = freshKey('hardening:squat');
    const win = await openPage(`host.html?squat&key=${key}`);
    await instanceOf(win);
    await waitFor(
      () => win.__log.consoleErrors.some((m) => m.includes('razylyk-banner')),
      `no console error names the taken element name; errors: ${JSON.stringify(win.__log.consoleErrors)}`,
    );
    expect(win.__ran).to.deep.equal([]);
    const { accept } = await fallbackNotice(win);
    accept.click();
    await waitFor(() => win.__ran.length === 3, `gated scripts ran: ${win.__ran}`);
  });
});
