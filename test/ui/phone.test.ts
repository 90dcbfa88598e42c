/**
 * The phone in the hand: 375 × 667 (iPhone SE) and 390 × 844 (iPhone 12–15), touch input, in Chromium,
 * Firefox and WebKit. The bar never covers more than half the viewport, every target is at least
 * 24 × 24 px (WCAG 2.2, 2.5.8), the dialogs stay inside the visible viewport and scroll inside
 * themselves, and env(safe-area-inset-*) keeps the controls clear of a notch and a home indicator.
 */
import type { LanguageTag } from '../../src/core/types.js';
import { expect } from '@open-wc/testing';
import type { RazylykBanner } from '../../src/ui/define.js';
import { storedRecord } from '../helpers/records.js';
import { setSafeArea, setViewport, tap } from '../helpers/viewport.js';
import { waitFor } from '../helpers/wait.js';
import { localeExists, mount, part, preferencesElement, resetPage, settled, STORAGE_KEY } from './helpers.js';

const VIEWS = [
  { width: 375, height: 667 },
  { width: 390, height: 844 },
];
const DESKTOP = { width: 1280, height: 800 };
// A tap's click comes after the touch gesture ends, which takes seconds on a busy machine (Firefox).
const TAP = 10000;
const isWebKit = !/Chrome\/|Firefox\//.test(navigator.userAgent);
// The selectors of everything a finger can hit in our shadow roots.
const TARGETS = 'button, a[href], input, select, summary, [tabindex="0"]';

/** Every visible target in `host`'s shadow root; links inside running text are exempt from 2.5.8 ("inline"). */
function targets(host: Element): HTMLElement[] {
  return [...host.shadowRoot!.querySelectorAll<HTMLElement>(TARGETS)].filter(
    (el) => el.getClientRects().length > 0 && !(el.localName === 'a' && el.closest('p')),
  );
}

function label(el: Element): string {
  return `<${el.localName} part="${el.getAttribute('part') ?? ''}" ${el.id ? `id="${el.id}"` : ''}>`;
}

function expectTargetSizes(host: Element, where: string): void {
  const found = targets(host);
  expect(found.length, `${where}: targets`).to.be.above(0);
  for (const el of found) {
    const box = el.getBoundingClientRect();
    expect(box.width, `${where}: ${label(el)} width`).to.be.at.least(24);
    expect(box.height, `${where}: ${label(el)} height`).to.be.at.least(24);
  }
}

function expectInsideViewport(el: Element, where: string): void {
  const box = el.getBoundingClientRect();
  expect(box.top, `${where}: top`).to.be.at.least(-0.5);
  expect(box.left, `${where}: left`).to.be.at.least(-0.5);
  expect(box.bottom, `${where}: bottom`).to.be.at.most(innerHeight + 0.5);
  expect(box.right, `${where}: right`).to.be.at.most(innerWidth + 0.5);
}

/** The page itself neither scrolls nor overflows sideways because of us. */
function expectPageStill(where: string): void {
  const page = document.scrollingElement!;
  expect(page.scrollWidth, `${where}: page width`).to.be.at.most(innerWidth);
  expect(page.scrollHeight, `${where}: page height`).to.be.at.most(innerHeight);
}

/** `scroller` holds more than it shows and scrolls it itself: its end can be brought into view. */
function expectScrollsItself(scroller: HTMLElement, where: string): void {
  expect(scroller.scrollHeight, `${where}: content taller than the box`).to.be.above(
    scroller.clientHeight + 1,
  );
  expect(getComputedStyle(scroller).overflowY, `${where}: overflow-y`).to.be.oneOf(['auto', 'scroll']);
  scroller.scrollTop = scroller.scrollHeight;
  expect(scroller.scrollTop, `${where}: scrolled`).to.be.above(0);
  expect(scroller.scrollTop + scroller.clientHeight, `${where}: reached the end`).to.be.at.least(
    scroller.scrollHeight - 1,
  );
}

/** Taps the middle of `el` with a finger, after scrolling it into view inside its own scroller. */
async function tapOn(el: HTMLElement): Promise<string[]> {
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const box = el.getBoundingClientRect();
  const pointers: string[] = [];
  const seen = (event: PointerEvent) => void pointers.push(event.pointerType);
  el.addEventListener('pointerdown', seen);
  await tap(box.left + box.width / 2, box.top + box.height / 2);
  el.removeEventListener('pointerdown', seen);
  return pointers;
}

/**
 * WebKitGTK's WebDriver has no touch input (WebKit builds it for iOS only): there a tap arrives as a
 * mouse click at the same point. Chromium and Firefox get real touch events.
 */
function expectTouch(pointers: string[], where: string): void {
  expect(pointers, `${where}: pointer types`).to.deep.equal([isWebKit ? 'mouse' : 'touch']);
}

async function languages(): Promise<LanguageTag[]> {
  const all: LanguageTag[] = ['tk', 'en', 'ru', 'ar'];
  const exists = await Promise.all(all.map((tag) => tag === 'tk' || localeExists(tag)));
  return all.filter((_, i) => exists[i]);
}

async function openPreferencesByTap(banner: RazylykBanner) {
  expectTouch(await tapOn(part(banner, '[part="customize"]')), 'customize');
  const preferences = await preferencesElement();
  await waitFor(() => preferences.open, 'the preferences dialog', TAP);
  settled(preferences);
  return preferences;
}

describe('phone views', () => {
  beforeEach(resetPage);
  after(async () => {
    resetPage();
    await setSafeArea({ top: 0, right: 0, bottom: 0, left: 0 });
    await setViewport(DESKTOP);
  });

  for (const view of VIEWS) {
    const name = `${view.width}×${view.height}`;
    describe(name, () => {
      beforeEach(() => setViewport(view));

      it('the bar covers at most half the viewport in every language, with targets of 24 × 24 px or more', async () => {
        for (const language of await languages()) {
          resetPage();
          const { banner } = await mount({ layout: 'bar', language });
          settled(banner);
          const region = part(banner, '[part="banner"]');
          const where = `${name} ${language}`;
          expect(region.getBoundingClientRect().height, `${where}: bar height`).to.be.at.most(
            innerHeight / 2 + 0.5,
          );
          expectInsideViewport(region, where);
          expectPageStill(where);
          expectTargetSizes(banner, where);
          // A bar taller than its half scrolls, and its last choice can still be reached.
          if (region.scrollHeight > region.clientHeight + 1) expectScrollsItself(region, `${where}: bar`);
          const customize = part(banner, '[part="customize"]');
          customize.scrollIntoView({ block: 'nearest' });
          const last = customize.getBoundingClientRect();
          expect(last.bottom, `${where}: customize reachable`).to.be.at.most(
            region.getBoundingClientRect().bottom + 0.5,
          );
        }
        resetPage();
        const { banner } = await mount({ layout: 'bar' });
        await expect(settled(banner)).to.be.accessible();
      });

      it('a tap on "Accept all" in the bar stores the decision', async () => {
        const { banner } = await mount({ layout: 'bar' });
        const accept = part(settled(banner), '[part="accept"]');
        const clicks: string[] = [];
        accept.addEventListener('click', (event) => clicks.push(event.type));
        expectTouch(await tapOn(accept), 'accept');
        await waitFor(
          () => storedRecord(STORAGE_KEY) !== null,
          `the stored decision (clicks: ${clicks.length})`,
          TAP,
        );
        expect(storedRecord(STORAGE_KEY)!.method).to.equal('accept_all');
        await waitFor(() => !banner.visible, 'the bar to close', 3000);
      });

      it('the box and the modal stay inside the viewport, with targets of 24 × 24 px or more', async () => {
        for (const layout of ['box', 'modal'] as const) {
          resetPage();
          const { banner } = await mount({ layout });
          settled(banner);
          const surface = part(banner, layout === 'modal' ? 'dialog' : '[part="banner"]');
          const where = `${name} ${layout}`;
          expectInsideViewport(surface, where);
          expectPageStill(where);
          expectTargetSizes(banner, where);
          if (surface.scrollHeight > surface.clientHeight + 1) expectScrollsItself(surface, where);
        }
        resetPage();
        const { banner } = await mount({ layout: 'modal' });
        await expect(settled(banner)).to.be.accessible();
      });

      it('the preferences, opened by a tap, stay inside the viewport, scroll inside themselves and save by tap', async () => {
        const { banner } = await mount({ layout: 'bar' });
        const preferences = await openPreferencesByTap(banner);
        const dialog = part(preferences, 'dialog');
        expectInsideViewport(dialog, `${name} preferences`);
        expectPageStill(`${name} preferences`);
        expectTargetSizes(preferences, `${name} preferences`);
        expectScrollsItself(dialog, `${name} preferences`);
        await expect(preferences).to.be.accessible();
        // A tap on a switch at the end of the list, then on Save, far down the scrolled dialog.
        const switches = [
          ...preferences.shadowRoot!.querySelectorAll<HTMLInputElement>('input[role="switch"]'),
        ];
        const lastSwitch = switches.filter((input) => !input.disabled).at(-1)!;
        expect(lastSwitch.checked).to.equal(false);
        expectTouch(await tapOn(lastSwitch), 'switch');
        await waitFor(() => lastSwitch.checked, 'the switch to turn on', TAP);
        expectTouch(await tapOn(part(preferences, '[part="save"]')), 'save');
        await waitFor(() => storedRecord(STORAGE_KEY) !== null, 'the saved choice', TAP);
        const record = storedRecord(STORAGE_KEY)!;
        expect(record.method).to.equal('custom');
        const purpose = lastSwitch.closest('[data-purpose]')!.getAttribute('data-purpose')!;
        expect(record.choices[purpose]).to.equal(true);
      });

      it('the policy reader, opened by a tap, stays inside the viewport and scrolls inside itself', async () => {
        const { banner } = await mount({ layout: 'bar' });
        expectTouch(await tapOn(part(banner, '[part="policy-link"]')), 'policy link');
        await waitFor(
          () => document.querySelector('razylyk-policy-dialog') !== null,
          'the policy dialog',
          TAP,
        );
        const reader = document.querySelector('razylyk-policy-dialog')!;
        await waitFor(() => (reader as unknown as { open: boolean }).open, 'the policy dialog to open', 3000);
        settled(reader);
        const policy = reader.shadowRoot!.querySelector('razylyk-policy')!;
        await waitFor(() => !!policy.shadowRoot?.querySelector('h1'), 'the policy text', 3000);
        const dialog = part(reader, 'dialog');
        expectInsideViewport(dialog, `${name} policy`);
        expectPageStill(`${name} policy`);
        expectTargetSizes(reader, `${name} policy`);
        expectTargetSizes(policy, `${name} policy text`);
        expectScrollsItself(part(reader, '.body'), `${name} policy`);
      });
    });
  }

  it('after a rotation with nothing shown, the dialogs take the new viewport, not the old one (dvh)', async () => {
    // WebKit keeps viewport units resolved for the old size when no element used them during the resize.
    for (const layout of ['box', 'modal', 'bar'] as const) {
      resetPage();
      await setViewport({ width: 844, height: 390 });
      await mount({ layout });
      resetPage();
      await setViewport({ width: 390, height: 844 });
      const { banner } = await mount({ layout });
      const surface = part(banner, layout === 'modal' ? 'dialog' : '[part="banner"]');
      expectInsideViewport(surface, `rotated ${layout}`);
      if (layout === 'bar')
        expect(surface.getBoundingClientRect().height).to.be.at.most(innerHeight / 2 + 0.5);
      // And back: a landscape phone is short, the dialogs must not be taller than it.
      resetPage();
      await setViewport({ width: 844, height: 390 });
      const again = await mount({ layout });
      const wide = part(again.banner, layout === 'modal' ? 'dialog' : '[part="banner"]');
      expectInsideViewport(wide, `rotated back ${layout}`);
      if (layout === 'bar') expect(wide.getBoundingClientRect().height).to.be.at.most(innerHeight / 2 + 0.5);
    }
  });

  it('safe-area insets keep the controls clear of the notch and the home indicator', async function () {
    await setViewport({ width: 390, height: 844 });
    // Only Chromium can emulate a display cutout (DevTools protocol): elsewhere env() stays 0 here.
    if (!(await setSafeArea({ top: 47, right: 0, bottom: 34, left: 0 }))) this.skip();
    try {
      for (const layout of ['bar', 'box', 'modal'] as const) {
        resetPage();
        const { banner } = await mount({ layout, settingsButton: true });
        settled(banner);
        for (const el of targets(banner)) {
          // Scrolled into view inside the bar, as a finger would: scroll padding keeps it clear too.
          el.scrollIntoView({ block: 'nearest' });
          const box = el.getBoundingClientRect();
          expect(box.bottom, `${layout}: ${label(el)} above the home indicator`).to.be.at.most(
            innerHeight - 34 + 0.5,
          );
          expect(box.top, `${layout}: ${label(el)} below the notch`).to.be.at.least(47 - 0.5);
        }
      }
      // The settings button, once decided, sits above the home indicator too.
      resetPage();
      const { instance } = await mount({ layout: 'bar', settingsButton: true });
      instance.rejectAll();
      const button = document.querySelector('razylyk-settings-button')!;
      await waitFor(() => !!button.shadowRoot?.querySelector('button'), 'the settings button', 3000);
      const target = part(button, 'button');
      expect(target.getBoundingClientRect().bottom).to.be.at.most(innerHeight - 34 + 0.5);
      // A phone on its side: the cutout is left or right.
      await setViewport({ width: 844, height: 390 });
      await setSafeArea({ top: 0, right: 47, bottom: 21, left: 47 });
      resetPage();
      const { banner } = await mount({ layout: 'bar' });
      for (const el of targets(banner)) {
        el.scrollIntoView({ block: 'nearest' });
        const box = el.getBoundingClientRect();
        expect(box.left, `landscape: ${label(el)} clear of the left cutout`).to.be.at.least(47 - 0.5);
        expect(box.right, `landscape: ${label(el)} clear of the right cutout`).to.be.at.most(
          innerWidth - 47 + 0.5,
        );
        expect(box.bottom, `landscape: ${label(el)} above the home indicator`).to.be.at.most(
          innerHeight - 21 + 0.5,
        );
      }
    } finally {
      await setSafeArea({ top: 0, right: 0, bottom: 0, left: 0 });
    }
  });
});
