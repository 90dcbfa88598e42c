import { expect, oneEvent } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import tkUi from '../../locales/tk/ui.json';
import type { RazylykPreferences } from '../../src/ui/define.js';
import { storedRecord } from '../helpers/records.js';
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

const OPTIONAL = ['cookies', 'web_beacons', 'location', 'ad_personalization'];

function switchOf(preferences: RazylykPreferences, purpose: string): HTMLInputElement {
  return part<HTMLInputElement>(preferences, `#purpose-${purpose}`);
}

async function openFromBanner(): Promise<RazylykPreferences> {
  const { banner } = await mount();
  const customize = part(banner, '[part="customize"]');
  customize.focus();
  customize.click();
  const preferences = await preferencesElement();
  await waitFor(() => preferences.open, 'the preferences dialog', 3000);
  return preferences;
}

describe('<razylyk-preferences>', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  it('is a labelled, described modal dialog with one switch per purpose, all optional ones off', async () => {
    const preferences = await openFromBanner();
    const dialog = part<HTMLDialogElement>(preferences, 'dialog');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(part(preferences, `#${dialog.getAttribute('aria-labelledby')}`).textContent?.trim()).to.equal(
      tkUi.preferences.title,
    );
    expect(part(preferences, `#${dialog.getAttribute('aria-describedby')}`).textContent?.trim()).to.equal(
      tkUi.preferences.description,
    );
    const necessary = switchOf(preferences, 'necessary');
    expect(necessary.checked).to.equal(true);
    expect(necessary.disabled).to.equal(true);
    expect(necessary.getAttribute('role')).to.equal('switch');
    expect(part(preferences, '[data-purpose="necessary"]').textContent).to.contain(tkUi.preferences.alwaysOn);
    for (const purpose of OPTIONAL) {
      const input = switchOf(preferences, purpose);
      expect(input.checked, purpose).to.equal(false);
      expect(input.labels?.[0]?.textContent?.trim()).to.equal(tkUi.purposes[purpose as 'cookies'].title);
    }
    expect(preferences.shadowRoot!.querySelector('[part="withdraw"]') === null, 'no withdraw').to.equal(true);
    await expect(settled(preferences)).to.be.accessible();
  });

  it('customize and save stores exactly the switched-on purposes', async () => {
    const preferences = await openFromBanner();
    switchOf(preferences, 'cookies').click();
    switchOf(preferences, 'location').click();
    const closed = oneEvent(document, 'razylyk-preferences-close');
    const changed = oneEvent(window, 'razylyk-change');
    part(preferences, '[part="save"]').click();
    const { detail } = await changed;
    await closed;
    expect(detail.method).to.equal('custom');
    expect(detail.choices).to.deep.equal({
      necessary: true,
      cookies: true,
      web_beacons: false,
      location: true,
      ad_personalization: false,
    });
    expect(detail.textHash).to.match(/^[0-9a-f]{14}$/);
    expect(storedRecord(STORAGE_KEY)).to.deep.equal(detail);
    expect(preferences.open).to.equal(false);
    const banner = document.querySelector('razylyk-banner')!;
    await banner.updateComplete;
    expect(banner.visible).to.equal(false);
  });

  it('Accept all and Reject all in the dialog record their decision', async () => {
    let preferences = await openFromBanner();
    let changed = oneEvent(window, 'razylyk-change');
    part(preferences, '[part="accept"]').click();
    expect((await changed).detail.method).to.equal('accept_all');
    expect(storedRecord(STORAGE_KEY)!.choices.ad_personalization).to.equal(true);
    resetPage();
    preferences = await openFromBanner();
    changed = oneEvent(window, 'razylyk-change');
    part(preferences, '[part="reject"]').click();
    expect((await changed).detail.method).to.equal('reject_all');
    expect(storedRecord(STORAGE_KEY)!.choices.cookies).to.equal(false);
  });

  it('the three dialog actions have equal size and the same class', async () => {
    const preferences = await openFromBanner();
    const buttons = ['save', 'accept', 'reject'].map((name) => part(preferences, `[part="${name}"]`));
    const boxes = buttons.map((b) => b.getBoundingClientRect());
    expect(new Set(buttons.map((b) => b.className)).size).to.equal(1);
    for (const box of boxes) {
      expect(Math.abs(box.width - boxes[0].width)).to.be.at.most(1);
      expect(Math.abs(box.height - boxes[0].height)).to.be.at.most(1);
    }
  });

  it('reopened, the switches show the current choices, with date, consent id and Withdraw', async () => {
    const { instance } = await mountMaybe();
    const changed = oneEvent(window, 'razylyk-change');
    instance.set({ cookies: true, ad_personalization: true });
    const { detail } = await changed;
    await instance.openPreferences();
    const preferences = await preferencesElement();
    expect(preferences.open).to.equal(true);
    expect(switchOf(preferences, 'cookies').checked).to.equal(true);
    expect(switchOf(preferences, 'ad_personalization').checked).to.equal(true);
    expect(switchOf(preferences, 'web_beacons').checked).to.equal(false);
    expect(switchOf(preferences, 'location').checked).to.equal(false);
    const decision = part(preferences, '[part="decision"]').textContent!;
    expect(decision).to.contain(detail.id);
    expect(decision).to.contain(tkUi.preferences.consentId.replace(': {{id}}', ''));
    expect(part(preferences, '[part="withdraw"]').textContent?.trim()).to.equal(tkUi.preferences.withdraw);
    await expect(settled(preferences)).to.be.accessible();
  });

  it('Withdraw clears the record, announces a withdrawal and asks again', async () => {
    const { instance } = await mountMaybe();
    instance.acceptAll();
    await oneEvent(window, 'razylyk-change');
    const banner = document.querySelector('razylyk-banner')!;
    await banner.updateComplete;
    expect(banner.visible).to.equal(false);
    await instance.openPreferences();
    const preferences = await preferencesElement();
    const changed = oneEvent(window, 'razylyk-change');
    part(preferences, '[part="withdraw"]').click();
    const { detail } = await changed;
    expect(detail.method).to.equal('withdraw');
    expect(detail.choices.cookies).to.equal(false);
    expect(storedRecord(STORAGE_KEY)).to.equal(null);
    expect(preferences.open).to.equal(false);
    await banner.updateComplete;
    expect(banner.visible, 'the banner asks again').to.equal(true);
  });

  it('Escape closes without saving: no record, no event, switches reset on reopen', async () => {
    await focusPage();
    const preferences = await openFromBanner();
    switchOf(preferences, 'cookies').click();
    expect(switchOf(preferences, 'cookies').checked).to.equal(true);
    let events = 0;
    const count = () => events++;
    window.addEventListener('razylyk-change', count);
    try {
      const closed = oneEvent(document, 'razylyk-preferences-close');
      await sendKeys({ press: 'Escape' });
      await closed;
      await sleep(50);
      expect(events).to.equal(0);
      expect(storedRecord(STORAGE_KEY)).to.equal(null);
      expect(preferences.open).to.equal(false);
      await preferences.show();
      expect(switchOf(preferences, 'cookies').checked).to.equal(false);
    } finally {
      window.removeEventListener('razylyk-change', count);
    }
  });

  it('focus goes into the dialog and returns to the opener on close', async () => {
    await focusPage();
    const { banner } = await mount();
    const customize = part(banner, '[part="customize"]');
    customize.focus();
    await sendKeys({ press: 'Enter' });
    const preferences = await preferencesElement();
    await waitFor(() => preferences.open, 'the dialog', 3000);
    expect(isInside(preferences, deepActive())).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !preferences.open, 'the dialog to close', 3000);
    expectSame(deepActive(), customize);
  });

  it('keyboard only: Space toggles a switch, then Save records it', async () => {
    await focusPage();
    const preferences = await openFromBanner();
    const cookies = switchOf(preferences, 'cookies');
    cookies.focus();
    await sendKeys({ press: ' ' });
    expect(cookies.checked).to.equal(true);
    const save = part(preferences, '[part="save"]');
    let guard = 0;
    while (deepActive() !== save && guard++ < 20) await sendKeys({ press: 'Tab' });
    expectSame(deepActive(), save);
    const changed = oneEvent(window, 'razylyk-change');
    await sendKeys({ press: 'Enter' });
    const { detail } = await changed;
    expect(detail.choices.cookies).to.equal(true);
    expect(detail.choices.location).to.equal(false);
    expect(storedRecord(STORAGE_KEY)!.choices.cookies).to.equal(true);
  });

  it('a purpose link opens the policy reader at that purpose’s section', async () => {
    const preferences = await openFromBanner();
    const link = part(preferences, '[data-purpose="ad_personalization"] [part="read-more"]');
    expect(link.dataset.section).to.equal('ad-optimisation');
    link.click();
    // The reader's element arrives with the dialogs' chunk: created a moment after the click.
    await waitFor(() => !!document.querySelector('razylyk-policy-dialog')?.open, 'the policy reader', 3000);
    const reader = document.querySelector('razylyk-policy-dialog')!;
    const policy = reader.shadowRoot!.querySelector('razylyk-policy')!;
    await waitFor(
      () => !!policy.shadowRoot!.querySelector('#razylyk-ad-optimisation.target'),
      'the anchor',
      3000,
    );
    const target = policy.shadowRoot!.querySelector('#razylyk-ad-optimisation')!;
    expect(target.localName).to.equal('li');
    expectSame(policy.shadowRoot!.activeElement, target);
    reader.close();
    await waitFor(() => !reader.open, 'the reader to close', 3000);
    await waitFor(() => deepActive() === link, 'focus back on the link', 3000);
    expectSame(deepActive(), link);
    expect(preferences.open).to.equal(true);
  });

  it('shows the GPC notice when the browser sends GPC', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const preferences = await openFromBanner();
      expect(part(preferences, '[part="gpc-notice"]').textContent?.trim()).to.equal(
        tkUi.preferences.gpcNotice,
      );
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('switching language keeps unsaved switches', async function () {
    if (!(await localeExists('en'))) this.skip();
    const preferences = await openFromBanner();
    switchOf(preferences, 'web_beacons').click();
    const languageSelect = part(preferences, 'razylyk-language-select') as LitElement;
    const select = part(languageSelect, 'select') as HTMLSelectElement;
    select.focus();
    await languageSelect.updateComplete;
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => part(preferences, 'dialog').getAttribute('lang') === 'en', 'English', 3000);
    expect(switchOf(preferences, 'web_beacons').checked).to.equal(true);
    expect(preferences.open).to.equal(true);
  });

  describe('accessibility (axe)', () => {
    for (const language of ['tk', 'en', 'ar'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        it(`${language}, ${theme}`, async function () {
          if (language !== 'tk' && !(await localeExists(language))) this.skip();
          const { instance } = await mountMaybe({ language, theme });
          await instance.openPreferences();
          const preferences = await preferencesElement();
          expect(preferences.getAttribute('theme')).to.equal(theme);
          const dialog = part(preferences, 'dialog');
          expect(dialog.getAttribute('dir')).to.equal(language === 'ar' ? 'rtl' : 'ltr');
          await expect(settled(preferences)).to.be.accessible();
        });
      }
    }
  });
});
