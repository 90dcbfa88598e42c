import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { storedRecord } from '../helpers/records.js';
import { setViewport } from '../helpers/viewport.js';
import { sleep, waitFor } from '../helpers/wait.js';
import {
  deepActive,
  expectSame,
  focusPage,
  isInside,
  localeExists,
  mount,
  mountMaybe,
  part,
  preferencesElement,
  resetPage,
  settled,
  STORAGE_KEY,
} from './helpers.js';
import { hashText } from '../../src/core/hash.js';
import tkUi from '../../locales/tk/ui.json';

const isFirefox = navigator.userAgent.includes('Firefox');
const shownHash = (gpc = false) =>
  hashText(
    [
      tkUi.banner.title,
      tkUi.banner.text,
      tkUi.banner.acceptAll,
      tkUi.banner.rejectAll,
      tkUi.banner.customize,
      ...(gpc ? [tkUi.banner.gpcNotice] : []),
    ].join('\n'),
  );

describe('<razylyk-banner>', () => {
  beforeEach(resetPage);
  afterEach(async () => {
    resetPage();
    await setViewport({ width: 1280, height: 800 });
  });

  it('shows the first layer when no decision exists', async () => {
    const { banner } = await mount();
    const region = part(banner, '[part="banner"]');
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('aria-label')).to.equal(tkUi.banner.label);
    expect(part(banner, '#title').textContent?.trim()).to.equal(tkUi.banner.title);
    expect(part(banner, '#text').textContent?.trim()).to.equal(tkUi.banner.text);
    expect(part(banner, '[part="reject"]').localName).to.equal('button');
    expect(getComputedStyle(region).position).to.equal('fixed');
  });

  it('does not show once a decision is stored', async () => {
    const { instance } = await mount();
    instance.rejectAll();
    await oneEvent(window, 'razylyk-change');
    const stored = localStorage.getItem('razylyk:consent');
    resetPage();
    localStorage.setItem('razylyk:consent', stored!);
    const { banner } = await mountMaybe();
    expect(banner === null, 'no banner').to.equal(true);
    expect(document.querySelector('razylyk-banner') === null).to.equal(true);
  });

  it('Accept all grants every purpose, stores the record and hides the banner', async () => {
    const { banner } = await mount();
    const changed = oneEvent(window, 'razylyk-change');
    part(banner, '[part="accept"]').click();
    const { detail } = await changed;
    expect(detail.method).to.equal('accept_all');
    expect(detail.choices).to.deep.equal({
      necessary: true,
      cookies: true,
      web_beacons: true,
      location: true,
      ad_personalization: true,
    });
    expect(detail.language).to.equal('tk');
    expect(detail.textHash).to.equal(shownHash());
    expect(storedRecord(STORAGE_KEY)).to.deep.equal(detail);
    await banner.updateComplete;
    expect(banner.shadowRoot!.querySelector('[part="banner"]') === null).to.equal(true);
  });

  it('Reject all denies every optional purpose and stores it', async () => {
    const { banner } = await mount();
    const changed = oneEvent(window, 'razylyk-change');
    part(banner, '[part="reject"]').click();
    const { detail } = await changed;
    expect(detail.method).to.equal('reject_all');
    expect(detail.choices).to.deep.equal({
      necessary: true,
      cookies: false,
      web_beacons: false,
      location: false,
      ad_personalization: false,
    });
    expect(storedRecord(STORAGE_KEY)!.id).to.equal(detail.id);
    await banner.updateComplete;
    expect(banner.visible).to.equal(false);
  });

  it('hides when another tab decides (storage event)', async () => {
    const { banner, instance } = await mount();
    const record = { ...instance.rejectAll(), id: crypto.randomUUID() };
    await oneEvent(window, 'razylyk-change');
    resetPage();
    const again = await mount();
    expect(again.banner.visible).to.equal(true);
    localStorage.setItem('razylyk:consent', JSON.stringify(record));
    const changed = oneEvent(window, 'razylyk-change');
    window.dispatchEvent(new StorageEvent('storage', { key: 'razylyk:consent' }));
    expect((await changed).detail.id).to.equal(record.id);
    await again.banner.updateComplete;
    expect(again.banner.visible).to.equal(false);
    expect(banner.isConnected).to.equal(false);
  });

  it('Customize opens the preferences dialog, focus inside; nothing is stored', async () => {
    const { banner } = await mount();
    const customize = part(banner, '[part="customize"]');
    customize.focus();
    const opened = oneEvent(document, 'razylyk-preferences-open');
    customize.click();
    await opened;
    const preferences = await preferencesElement();
    expect(preferences.open).to.equal(true);
    expect(isInside(preferences, deepActive())).to.equal(true);
    expect(storedRecord(STORAGE_KEY)).to.equal(null);
  });

  // Before any viewport change or modal Escape: in Firefox those can leave the page without system focus.
  it('keyboard only: Tab to Reject all and press Enter records a refusal', async () => {
    await focusPage();
    const { banner } = await mount({ layout: 'box' });
    const reject = part(banner, '[part="reject"]');
    part(banner, '[part="policy-link"]').focus();
    const changed = oneEvent(window, 'razylyk-change');
    let guard = 0;
    while (deepActive() !== reject && guard++ < 10) await sendKeys({ press: 'Tab' });
    expectSame(deepActive(), reject);
    await sendKeys({ press: 'Enter' });
    const { detail } = await changed;
    expect(detail.method).to.equal('reject_all');
    expect(storedRecord(STORAGE_KEY)!.method).to.equal('reject_all');
  });

  it('the policy link opens the policy reader and focus returns to it', async () => {
    const { banner } = await mount();
    const link = part(banner, '[part="policy-link"]');
    link.focus();
    link.click();
    // The reader's element arrives with the dialogs' chunk: created a moment after the click.
    await waitFor(() => !!document.querySelector('razylyk-policy-dialog')?.open, 'the policy dialog', 3000);
    const reader = document.querySelector('razylyk-policy-dialog')!;
    const policy = reader.shadowRoot!.querySelector('razylyk-policy')!;
    await waitFor(() => !!policy.shadowRoot!.querySelector('h1'), 'the policy text', 3000);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !reader.open, 'the policy dialog to close', 3000);
    expectSame(deepActive(), link);
    expect(storedRecord(STORAGE_KEY)).to.equal(null);
  });

  it('the three first-layer buttons have the same size at 320px and at desktop width', async () => {
    for (const layout of ['bar', 'box', 'modal'] as const) {
      for (const width of [320, 1280]) {
        resetPage();
        await setViewport({ width, height: 800 });
        const { banner } = await mount({ layout });
        const boxes = ['accept', 'reject', 'customize'].map((name) =>
          part(banner, `[part="${name}"]`).getBoundingClientRect(),
        );
        const classes = ['accept', 'reject', 'customize'].map(
          (name) => part(banner, `[part="${name}"]`).className,
        );
        expect(new Set(classes).size, `${layout}@${width}: classes`).to.equal(1);
        for (const box of boxes) {
          expect(Math.abs(box.width - boxes[0].width), `${layout}@${width}: width`).to.be.at.most(1);
          expect(Math.abs(box.height - boxes[0].height), `${layout}@${width}: height`).to.be.at.most(1);
          expect(box.height).to.be.at.least(24);
          expect(box.width).to.be.at.least(24);
        }
        const region = part(banner, '[part="banner"]').getBoundingClientRect();
        expect(region.right, `${layout}@${width}: fits`).to.be.at.most(width + 0.5);
        expect(region.left).to.be.at.least(-0.5);
      }
    }
  });

  it('the bar does not shift the page layout when it appears', async function () {
    // Only Chromium reports layout shifts (the Layout Instability API): Firefox and WebKit have no
    // 'layout-shift' entries, so there is nothing to measure there (the bar is position: fixed in all).
    if (isFirefox || !PerformanceObserver.supportedEntryTypes.includes('layout-shift')) this.skip();
    const content = document.createElement('div');
    content.innerHTML = '';
    for (let i = 0; i < 30; i++)
      content.append(Object.assign(document.createElement('p'), { textContent: `Line ${i}` }));
    document.body.append(content);
    let shift = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shift += (entry as PerformanceEntry & { value: number }).value;
    });
    observer.observe({ type: 'layout-shift', buffered: false });
    try {
      for (const layout of ['bar', 'box'] as const) {
        resetPage();
        await mount({ layout });
        await sleep(100);
      }
      observer
        .takeRecords()
        .forEach((entry) => (shift += (entry as PerformanceEntry & { value: number }).value));
      expect(shift).to.equal(0);
      expect(document.querySelector('razylyk-banner')!.visible).to.equal(true);
    } finally {
      observer.disconnect();
      content.remove();
    }
  });

  it('modal layout: a modal dialog with initial focus inside; Escape grants nothing and leaves a bar', async () => {
    const { banner } = await mount({ layout: 'modal' });
    const dialog = part<HTMLDialogElement>(banner, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('title');
    expect(dialog.getAttribute('aria-describedby')).to.equal('text');
    expect(isInside(banner, deepActive())).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog.isConnected, 'the modal to close', 3000);
    await banner.updateComplete;
    expect(storedRecord(STORAGE_KEY)).to.equal(null);
    expect(part(banner, '[part="banner"]').getAttribute('role')).to.equal('region');
  });

  it('shows the GPC notice and records the signal when the browser sends GPC', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const { banner } = await mount();
      expect(part(banner, '[part="gpc-notice"]').textContent?.trim()).to.equal(tkUi.banner.gpcNotice);
      const changed = oneEvent(window, 'razylyk-change');
      part(banner, '[part="accept"]').click();
      const { detail } = await changed;
      expect(detail.gpc).to.equal(true);
      expect(detail.choices.ad_personalization).to.equal(false);
      expect(detail.textHash).to.equal(shownHash(true));
      await expect(settled(banner)).to.be.accessible();
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('no GPC notice without the signal', async () => {
    const { banner } = await mount();
    expect(banner.shadowRoot!.querySelector('[part="gpc-notice"]') === null).to.equal(true);
  });

  describe('accessibility (axe)', () => {
    const languages = ['tk', 'en', 'ar'] as const;
    for (const language of languages) {
      for (const layout of ['bar', 'box', 'modal'] as const) {
        for (const theme of ['light', 'dark'] as const) {
          it(`${layout}, ${language}, ${theme}`, async function () {
            if (language !== 'tk' && !(await localeExists(language))) this.skip();
            const { banner } = await mount({ layout, theme, language });
            const surface = part(banner, '[part="banner"]');
            expect(surface.getAttribute('lang')).to.equal(language);
            expect(surface.getAttribute('dir')).to.equal(language === 'ar' ? 'rtl' : 'ltr');
            await expect(settled(banner)).to.be.accessible();
          });
        }
      }
    }
  });

  // Last: Tab wraps out of a modal dialog into the browser's own UI, and the page loses system focus.
  describe('focus trap', () => {
    it('modal layout traps focus: Tab cycles inside the dialog', async () => {
      const outside = document.createElement('button');
      outside.textContent = 'page button';
      document.body.prepend(outside);
      try {
        const { banner } = await mount({ layout: 'modal' });
        for (let i = 0; i < 12; i++) {
          await sendKeys({ press: 'Tab' });
          const active = deepActive();
          expect(active === outside, 'focus left the dialog').to.equal(false);
          // Chromium lets Tab reach the browser chrome (document.body) between cycles; the page stays inert.
          expect(active === document.body || isInside(banner, active), String(active?.localName)).to.equal(
            true,
          );
        }
      } finally {
        outside.remove();
      }
    });
  });
});
