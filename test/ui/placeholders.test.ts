/**
 * Placeholders in place of held-back embeds (src/ui/placeholders.ts, src/ui/placeholder.ts): what is
 * blocked and why, Load once / Allow / the preferences; no request to the blocked address before a click.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getRazylyk, resetRazylyk } from '../../src/core/instance.js';
import type { RazylykPlaceholder } from '../../src/ui/placeholder.js';
import { stopPlaceholders } from '../../src/ui/placeholders.js';
import { storedRecord } from '../helpers/records.js';
import { nextFrame, sleep, waitFor } from '../helpers/wait.js';
import { deepActive, focusPage, mountMaybe, part, resetPage, STORAGE_KEY } from './helpers.js';

const EMBED = '/test/ui/fixtures/embed.html';
let counter = 0;
/** A URL no earlier test requested, so the resource timing entries tell this test's requests apart. */
const freshUrl = () => `${EMBED}?n=${Date.now()}-${++counter}`;
const requested = (url: string) =>
  performance.getEntriesByType('resource').some((entry) => entry.name === new URL(url, location.href).href);

const area = () => document.getElementById('area')!;

function addIframe(purposes: string, url: string, title = 'Store map'): HTMLIFrameElement {
  const iframe = document.createElement('iframe');
  iframe.title = title;
  iframe.width = '400';
  iframe.height = '200';
  iframe.setAttribute('data-consent', purposes);
  iframe.setAttribute('data-src', url);
  area().append(iframe);
  return iframe;
}

async function placeholders(count: number): Promise<RazylykPlaceholder[]> {
  await waitFor(
    () => document.querySelectorAll('razylyk-placeholder').length === count,
    `${count} placeholders`,
    3000,
  );
  const found = [...document.querySelectorAll('razylyk-placeholder')];
  await Promise.all(found.map((el) => el.updateComplete));
  await waitFor(
    () => found.every((el) => el.shadowRoot?.querySelector('button')),
    'rendered placeholders',
    3000,
  );
  return found;
}

describe('placeholders', () => {
  beforeEach(() => {
    resetPage();
    const div = document.createElement('div');
    div.id = 'area';
    document.body.append(div);
  });
  afterEach(() => {
    stopPlaceholders();
    area().remove();
    resetPage();
  });

  it('Load once: shows what is blocked and why, fetches nothing before the click, then this element only', async () => {
    const url = freshUrl();
    const other = freshUrl();
    const iframe = addIframe('location', url);
    const second = addIframe('location', other, 'Second map');
    await mountMaybe({ language: 'en' });
    const [placeholder] = await placeholders(2);
    expect(part(placeholder, '[part="what"]').textContent!.trim()).to.equal('Store map');
    expect(
      [...placeholder.shadowRoot!.querySelectorAll('[part="purposes"] li')].map((li) =>
        li.textContent!.trim(),
      ),
    ).to.deep.equal(['Location']);
    // Sized like the iframe's box (400 px and its 2 px borders), which steps aside.
    expect(placeholder.getBoundingClientRect().width).to.be.closeTo(404, 1);
    expect(placeholder.getBoundingClientRect().height).to.be.at.least(200);
    expect(getComputedStyle(iframe).display).to.equal('none');
    // No inline style anywhere (a strict CSP's style-src): sized and hidden through constructed sheets.
    expect(iframe.hasAttribute('style') || placeholder.hasAttribute('style')).to.equal(false);
    await sleep(300);
    expect(requested(url), 'fetched before a click').to.equal(false);
    expect(iframe.getAttribute('src')).to.equal(null);
    await expect(placeholder).to.be.accessible();

    part(placeholder, '[data-action="load-once"]').click();
    await waitFor(() => requested(url), 'the iframe loading', 3000);
    expect(iframe.getAttribute('src')).to.equal(url);
    expect(getComputedStyle(iframe).display).to.not.equal('none');
    await placeholders(1);
    // Nothing recorded; the other element stays blocked.
    expect(storedRecord(STORAGE_KEY)).to.equal(null);
    expect(second.getAttribute('src')).to.equal(null);
    expect(requested(other)).to.equal(false);
  });

  it('Allow: records a custom decision and activates every element needing those purposes', async () => {
    const first = addIframe('location', freshUrl());
    const second = addIframe('location', freshUrl(), 'Directions');
    const container = document.createElement('div');
    container.setAttribute('data-consent-placeholder', 'Store locator widget');
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.setAttribute('data-consent', 'location');
    script.text = 'window.__widgetRan = (window.__widgetRan || 0) + 1;';
    container.append(script);
    area().append(container);
    const ads = addIframe('ad_personalization', freshUrl(), 'Ad');
    const { instance } = await mountMaybe({ language: 'en' }, {});
    instance.set({ cookies: true });
    const shown = await placeholders(4);
    const widget = shown.find((el) => el.parentElement === container)!;
    expect(part(widget, '[part="what"]').textContent!.trim()).to.equal('Store locator widget');

    part(shown[0], '[data-action="allow"]').click();
    await waitFor(() => first.hasAttribute('src') && second.hasAttribute('src'), 'both maps loading', 3000);
    await waitFor(() => (window as { __widgetRan?: number }).__widgetRan === 1, 'the widget script', 3000);
    await placeholders(1);
    const record = storedRecord(STORAGE_KEY)!;
    expect(record.method).to.equal('custom');
    // The visitor's earlier grant stays; only the named purpose is added.
    expect(record.choices).to.include({ location: true, cookies: true, ad_personalization: false });
    expect(ads.getAttribute('src')).to.equal(null);
    delete (window as { __widgetRan?: number }).__widgetRan;
  });

  it('elements added later get a placeholder; after a withdrawal they are back on the next view', async () => {
    const { instance } = await mountMaybe({ language: 'en' });
    instance.rejectAll();
    const url = freshUrl();
    addIframe('location', url);
    const [placeholder] = await placeholders(1);
    part(placeholder, '[data-action="allow"]').click();
    await placeholders(0);
    expect(instance.has('location')).to.equal(true);

    instance.withdraw();
    await waitFor(() => storedRecord(STORAGE_KEY) === null, 'the withdrawal', 3000);
    // The next view: a fresh page with the same markup.
    stopPlaceholders();
    area().replaceChildren();
    resetRazylyk();
    const next = freshUrl();
    const iframe = addIframe('location', next);
    await mountMaybe({ language: 'en' });
    await placeholders(1);
    expect(iframe.getAttribute('src')).to.equal(null);
    expect(requested(next)).to.equal(false);
    expect(getRazylyk().has('location')).to.equal(false);
  });

  it('keyboard: Tab reaches the buttons, Enter loads once and focus moves to the loaded frame', async () => {
    const url = freshUrl();
    const iframe = addIframe('location', url);
    await mountMaybe({ language: 'en' }, {});
    getRazylyk().rejectAll();
    const [placeholder] = await placeholders(1);
    await focusPage();
    const loadOnce = part<HTMLButtonElement>(placeholder, '[data-action="load-once"]');
    loadOnce.focus();
    expect(deepActive()).to.equal(loadOnce);
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(part(placeholder, '[data-action="allow"]'));
    // Shift+Tab back. WebKit runs through WebDriver, where web-test-runner's sendKeys has no held
    // modifier (only "press" and "type"): there the focus is moved back by script.
    const webKit = /AppleWebKit/.test(navigator.userAgent) && !/Chrome\//.test(navigator.userAgent);
    if (webKit) loadOnce.focus();
    else {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    }
    expect(deepActive()).to.equal(loadOnce);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => iframe.getAttribute('src') === url, 'the frame loading', 3000);
    await placeholders(0);
    expect(document.activeElement).to.equal(iframe);
  });

  it('speaks the visitor language in all seven, right to left in Arabic, and reflows at 320 px', async () => {
    addIframe('location web_beacons', freshUrl());
    await mountMaybe({ language: 'ar' });
    const [placeholder] = await placeholders(1);
    await waitFor(
      () => part(placeholder, '[part="placeholder"]').getAttribute('lang') === 'ar',
      'Arabic',
      3000,
    );
    const box = part(placeholder, '[part="placeholder"]');
    expect(box.getAttribute('dir')).to.equal('rtl');
    expect(part(placeholder, '[data-action="allow"]').textContent!.trim()).to.equal('السماح');
    await expect(placeholder).to.be.accessible();
    const seen = new Set<string>();
    for (const language of ['tk', 'en', 'ru', 'zh', 'tr', 'de', 'ar'] as const) {
      await getRazylyk().setLanguage(language);
      await waitFor(() => box.getAttribute('lang') === language, language, 3000);
      const text = part(placeholder, '[data-action="load-once"]').textContent!.trim();
      expect(text, language).to.not.equal('');
      seen.add(text);
      expect(placeholder.shadowRoot!.querySelectorAll('[part="purposes"] li').length).to.equal(2);
      await expect(placeholder).to.be.accessible();
    }
    expect(seen.size, 'a different label per language').to.equal(7);

    // 320 CSS px: nothing wider than the viewport, the buttons wrap.
    area().style.width = '320px';
    placeholder.width = 600;
    await placeholder.updateComplete;
    await nextFrame();
    expect(placeholder.getBoundingClientRect().width).to.be.at.most(320);
    for (const button of placeholder.shadowRoot!.querySelectorAll('button'))
      expect(button.getBoundingClientRect().right).to.be.at.most(area().getBoundingClientRect().right + 1);
  });
});
