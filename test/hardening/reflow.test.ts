/**
 * WCAG 1.4.10 reflow: at 320 CSS px wide (a 1280 px screen at 400 % zoom) and at 320 × 256, every view
 * (bar, box and modal banner in all seven languages, preferences, policy reader, fallback notice) has no
 * horizontal scrolling, with long words and URLs in operator texts, and every button can be reached.
 */
import { expect } from '@open-wc/testing';
import type { Razylyk } from '../../src/core/instance.js';
import type { LanguageTag } from '../../src/core/types.js';
import { closeFrames } from '../helpers/frames.js';
import { fallbackNotice, pageQuery, shadowPart, visibleBannerButton } from '../helpers/page-ui.js';
import { freshKey } from '../helpers/storage.js';
import { waitFor } from '../helpers/wait.js';
import { instanceOf, openPage, type PageWindow } from './helpers.js';

const LANGUAGES: LanguageTag[] = ['tk', 'en', 'ru', 'zh', 'tr', 'de', 'ar'];
const SIZES = [
  { width: 320, height: 640 },
  { width: 320, height: 256 },
];

/** No horizontal scrolling on the page or inside `surface`; every control fits the width and can be scrolled to. */
function expectReflow(win: PageWindow, surface: Element, where: string): void {
  expect(win.document.documentElement.scrollWidth, `${where}: page width`).to.be.at.most(win.innerWidth);
  expect(surface.scrollWidth, `${where}: scrolls sideways`).to.be.at.most(surface.clientWidth + 1);
  const root = surface.getRootNode() as ShadowRoot | Document;
  const controls = Array.from(root.querySelectorAll<HTMLElement>('button, select, a[href], summary')).filter(
    (control) => control.getClientRects().length > 0,
  );
  expect(controls.length, `${where}: controls`).to.be.above(0);
  for (const control of controls) {
    control.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const box = control.getBoundingClientRect();
    const name = `${where}: ${control.getAttribute('part') ?? control.textContent?.trim().slice(0, 30)}`;
    expect(box.left, `${name} left`).to.be.at.least(-1);
    expect(box.right, `${name} right`).to.be.at.most(win.innerWidth + 1);
    expect(box.top, `${name} top`).to.be.at.least(-1);
    expect(box.bottom, `${name} bottom`).to.be.at.most(win.innerHeight + 1);
  }
}

const surfaceOf = (host: Element | null) =>
  host?.shadowRoot?.querySelector('[part~="banner"], [part~="dialog"]') ?? null;

async function switchTo(
  win: PageWindow,
  razylyk: Razylyk,
  language: LanguageTag,
  host: () => Element | null,
) {
  await razylyk.setLanguage(language);
  await waitFor(() => surfaceOf(host())?.getAttribute('lang') === language, `no ${language}`);
  for (const animation of win.document.getAnimations?.() ?? []) animation.finish();
}

describe('reflow at 320 px: every view, every language, long operator texts', () => {
  afterEach(closeFrames);

  for (const size of SIZES) {
    for (const layout of ['bar', 'box', 'modal']) {
      it(`${layout} banner at ${size.width} × ${size.height}, in all seven languages`, async () => {
        const win = await openPage(
          `real-page.html?key=${freshKey('hardening:reflow')}&layout=${layout}&longtext`,
          size,
        );
        await visibleBannerButton(win, 'accept');
        const razylyk = await instanceOf(win);
        const banner = () => pageQuery(win, 'razylyk-banner');
        for (const language of LANGUAGES) {
          await switchTo(win, razylyk, language, banner);
          expectReflow(win, surfaceOf(banner())!, `${layout} ${language}`);
        }
      });
    }

    it(`preferences and policy reader at ${size.width} × ${size.height}, in all seven languages`, async () => {
      const win = await openPage(`real-page.html?key=${freshKey('hardening:reflow-dialogs')}&longtext`, size);
      await visibleBannerButton(win, 'accept');
      const razylyk = await instanceOf(win);
      await razylyk.openPreferences();
      const prefs = () => pageQuery(win, 'razylyk-preferences');
      await shadowPart(prefs, '[part~="save"]');
      for (const language of LANGUAGES) {
        await switchTo(win, razylyk, language, prefs);
        for (const details of prefs()!.shadowRoot!.querySelectorAll('details')) details.open = true;
        expectReflow(win, surfaceOf(prefs())!, `preferences ${language}`);
      }
      (prefs()!.shadowRoot!.querySelector('dialog') as HTMLDialogElement).close();
      (await visibleBannerButton(win, 'policy-link')).click();
      const reader = () => pageQuery(win, 'razylyk-policy-dialog');
      await shadowPart(reader, '[part~="close"]');
      for (const language of LANGUAGES) {
        await switchTo(win, razylyk, language, reader);
        const policy = () => reader()!.shadowRoot!.querySelector('razylyk-policy');
        await waitFor(
          () => policy()?.shadowRoot?.querySelector('[part~="toc"]'),
          `no policy text in ${language}`,
        );
        expectReflow(win, surfaceOf(reader())!, `policy reader ${language}`);
        const text = policy()!.shadowRoot!.querySelector('[part~="policy"]')!;
        expect(text.scrollWidth, `policy text ${language}`).to.be.at.most(text.clientWidth + 1);
      }
    });

    it(`the fallback notice at ${size.width} × ${size.height}`, async () => {
      const win = await openPage(
        `real-page.html?key=${freshKey('hardening:reflow-fallback')}&fault=ui-down`,
        size,
      );
      const { root } = await fallbackNotice(win);
      expectReflow(win, root.querySelector('section')!, 'fallback');
    });
  }
});
