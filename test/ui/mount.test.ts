import { expect, oneEvent } from '@open-wc/testing';
import type { LitElement } from 'lit';
import tkUi from '../../locales/tk/ui.json';
import { getRazylyk } from '../../src/core/instance.js';
import { connectUi } from '../../src/embed/ui-loader.js';
import { mountUi } from '../../src/ui/mount.js';
import { storedRecord } from '../helpers/records.js';
import { waitFor } from '../helpers/wait.js';
import {
  focusPage,
  localeExists,
  mount,
  mountMaybe,
  part,
  preferencesElement,
  resetPage,
  settled,
  STORAGE_KEY,
} from './helpers.js';

describe('mountUi', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  it('attaches the UI: instance.openPreferences opens the dialog, setLanguage re-renders', async function () {
    const { instance, banner } = await mount({ layout: 'box', theme: 'dark' });
    expect(banner.layout).to.equal('box');
    expect(banner.getAttribute('theme')).to.equal('dark');
    expect(instance.language).to.equal('tk');
    await instance.openPreferences();
    const preferences = await preferencesElement();
    expect(preferences.open).to.equal(true);
    preferences.close();
    if (!(await localeExists('ar'))) return;
    await instance.setLanguage('ar');
    await banner.updateComplete;
    const surface = part(banner, '[part="banner"]');
    expect(surface.getAttribute('lang')).to.equal('ar');
    expect(surface.getAttribute('dir')).to.equal('rtl');
    expect(instance.language).to.equal('ar');
  });

  it('does not insert a second banner when the page already has one', async () => {
    document.body.append(document.createElement('razylyk-banner'));
    await mountMaybe();
    expect(document.querySelectorAll('razylyk-banner').length).to.equal(1);
  });

  it('any element with data-razylyk-open reopens the preferences, and focus returns to it on close', async () => {
    // As startRazylyk() wires the UI (connectUi registers the page's one opener listener).
    const instance = getRazylyk({ consentMode: false });
    connectUi(instance, async () => ({ mountUi }), { language: 'tk' });
    instance.rejectAll();
    await oneEvent(window, 'razylyk-change');
    const link = document.createElement('a');
    link.href = '#privacy';
    link.setAttribute('data-razylyk-open', '');
    link.textContent = 'Privacy settings';
    document.body.append(link);
    try {
      link.click();
      const preferences = await preferencesElement();
      await waitFor(() => preferences.open, 'the dialog', 3000);
      expect(location.hash).to.not.equal('#privacy');
      part<HTMLDialogElement>(preferences, 'dialog').close();
      await waitFor(() => !preferences.open, 'the dialog closed', 3000);
      await waitFor(() => document.activeElement === link, 'focus back on the opener', 3000);
    } finally {
      link.remove();
    }
  });

  it('the settings button shows only once a decision exists, and opens the preferences', async () => {
    const { banner, instance } = await mount({ settingsButton: true });
    const button = document.querySelector('razylyk-settings-button')!;
    await button.updateComplete;
    expect(button.shadowRoot!.querySelector('button') === null, 'hidden before a decision').to.equal(true);
    part(banner, '[part="reject"]').click();
    await oneEvent(window, 'razylyk-change');
    await button.updateComplete;
    const inner = part(button, 'button');
    expect(inner.getAttribute('aria-label')).to.equal(tkUi.settingsButton.label);
    const box = inner.getBoundingClientRect();
    expect(box.width).to.be.at.least(24);
    await expect(settled(button)).to.be.accessible();
    inner.click();
    const preferences = await preferencesElement();
    await waitFor(() => preferences.open, 'the dialog', 3000);
    expect(storedRecord(STORAGE_KEY)!.method).to.equal('reject_all');
    expect(instance.get()!.method).to.equal('reject_all');
  });

  it('language switch from the banner select re-renders every element and records the language', async function () {
    if (!(await localeExists('en'))) this.skip();
    const { banner } = await mount();
    const languageSelect = part(banner, 'razylyk-language-select') as LitElement;
    const select = part<HTMLSelectElement>(languageSelect, 'select');
    // Closed and untouched, it holds the current language alone; focus lists them all.
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['Türkmençe']);
    await focusPage();
    select.focus();
    await languageSelect.updateComplete;
    expect([...select.options].map((o) => o.textContent!.trim())).to.include.members([
      'Türkmençe',
      'العربية',
    ]);
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => part(banner, '[part="banner"]').getAttribute('lang') === 'en', 'English', 3000);
    expect(part(banner, '#title').textContent!.trim()).to.not.equal(tkUi.banner.title);
    const changed = oneEvent(window, 'razylyk-change');
    part(banner, '[part="accept"]').click();
    expect((await changed).detail.language).to.equal('en');
  });

  it('uses the page language when no language is configured', async function () {
    if (!(await localeExists('ru'))) this.skip();
    const previous = document.documentElement.getAttribute('lang');
    document.documentElement.setAttribute('lang', 'ru-RU');
    try {
      await mountUi(getRazylyk({ consentMode: false }));
      const banner = document.querySelector('razylyk-banner')!;
      await banner.updateComplete;
      expect(part(banner, '[part="banner"]').getAttribute('lang')).to.equal('ru');
    } finally {
      if (previous === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.setAttribute('lang', previous);
    }
  });
});
