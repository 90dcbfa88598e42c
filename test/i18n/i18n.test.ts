import { expect, fixture, html } from '@open-wc/testing';
import arUi from '../../locales/ar/ui.json';
import tkUi from '../../locales/tk/ui.json';
import {
  currentLanguage,
  loadPolicy,
  lookUp,
  resetI18nForTesting,
  setPageLanguage,
} from '../../src/i18n/i18n.js';
import { translateWithI18next as translate } from '../../src/i18n/i18next.js';
import { LANGUAGES } from '../../src/i18n/languages.js';
import type { UiKey } from '../../src/i18n/resources.js';
import { captureWarnings } from '../helpers/console.js';
import { waitFor } from '../helpers/wait.js';
import { mount, part, resetPage } from '../ui/helpers.js';
import { leaves } from './helpers.js';
import type { RazylykPolicy } from '../../src/ui/define.js';

/** The Turkmen source's strings by key; the shape every locale has (locale-data.test.ts). */
const tkStrings = new Map(leaves(tkUi) as [UiKey, string][]);

/** Keys whose strings interpolate nothing: the ones an element may look up without i18next. */
const plainKeys = [...tkStrings].filter(([, text]) => !text.includes('{{')).map(([key]) => key);

describe('i18n', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  it('uses a private i18next instance: the global one is untouched', async () => {
    const { default: globalI18next } = await import('i18next');
    const before = { language: globalI18next.language, initialized: globalI18next.isInitialized };
    await setPageLanguage('ar');
    expect(globalI18next.language).to.equal(before.language);
    expect(globalI18next.isInitialized).to.equal(before.initialized);
    expect(globalI18next.store?.data?.tk).to.equal(undefined);
    expect(translate('ar', 'banner.title')).to.equal(arUi.banner.title);
    expect(globalI18next.store?.data?.ar).to.equal(undefined);
  });

  it("the banner's plain look-up gives what i18next gives, for every key of every language", async () => {
    expect(plainKeys.length).to.be.above(40);
    for (const { code } of LANGUAGES) {
      await setPageLanguage(code);
      for (const key of plainKeys) expect(lookUp(code, key), `${code} ${key}`).to.equal(translate(code, key));
    }
  });

  it('the look-up falls back to Turkmen as i18next does when a language failed to load', async () => {
    resetI18nForTesting({ ui: { ru: () => Promise.reject(new TypeError('offline')) } });
    const warnings = captureWarnings();
    try {
      await setPageLanguage('ru');
    } finally {
      warnings.restore();
    }
    for (const key of plainKeys) {
      expect(lookUp('ru', key), key).to.equal(translate('ru', key));
      expect(lookUp('ru', key), key).to.equal(tkStrings.get(key));
    }
    expect(lookUp('ru', 'no.such.key' as UiKey)).to.equal(translate('ru', 'no.such.key' as UiKey));
  });

  it('only the preferences and the policy reader, which bring i18next, have strings that interpolate', () => {
    const interpolating = [...tkStrings.keys()].filter((key) => !plainKeys.includes(key));
    expect(interpolating.length).to.be.above(0);
    for (const key of interpolating) expect(key, key).to.match(/^(preferences|policy)\./);
  });

  it('interpolates values as plain text', () => {
    expect(translate('tk', 'policy.sourceId', { id: '<b>x</b>' })).to.equal(
      tkUi.policy.sourceId.replace('{{id}}', '<b>x</b>'),
    );
  });

  it('unknown languages fall back to Turkmen with a warning', async () => {
    const warnings = captureWarnings();
    try {
      expect(await setPageLanguage('fr-FR')).to.equal('tk');
    } finally {
      warnings.restore();
    }
    expect(currentLanguage()).to.equal('tk');
    expect(warnings.messages.join('\n')).to.contain('fr-FR');
  });

  it('a locale that fails to load (missing file) renders the Turkmen fallback and warns why', async () => {
    resetI18nForTesting({
      // A real request for a file that does not exist: the 404 path of the dynamic import.
      ui: { en: () => import(/* @vite-ignore */ `${'/locales/xx-missing/ui.json'}`) },
    });
    const warnings = captureWarnings();
    try {
      const { banner } = await mount({ language: 'en' });
      expect(banner.visible).to.equal(true);
      expect(part(banner, '#title').textContent!.trim()).to.equal(tkUi.banner.title);
      expect(part(banner, '[part="accept"]').textContent!.trim()).to.equal(tkUi.banner.acceptAll);
    } finally {
      warnings.restore();
    }
    expect(warnings.messages.some((m) => m.includes('[razylyk]') && m.includes('"en"'))).to.equal(true);
  });

  it('a locale module without strings (bad JSON) also falls back with a warning', async () => {
    resetI18nForTesting({ ui: { de: () => Promise.resolve({ default: null as never }) } });
    const warnings = captureWarnings();
    try {
      const { banner } = await mount({ language: 'de' });
      expect(part(banner, '#text').textContent!.trim()).to.equal(tkUi.banner.text);
    } finally {
      warnings.restore();
    }
    expect(warnings.messages.join('\n')).to.contain('"de"');
  });

  it('a policy that fails to load shows the Turkmen original with a warning', async () => {
    resetI18nForTesting({ policy: { en: () => Promise.reject(new TypeError('blocked by CSP')) } });
    const warnings = captureWarnings();
    try {
      const loaded = await loadPolicy('en');
      expect(loaded.language).to.equal('tk');
      const element = await fixture<RazylykPolicy>(html`<razylyk-policy lang="en"></razylyk-policy>`);
      await waitFor(() => !!element.shadowRoot!.querySelector('h1'), 'the fallback policy', 3000);
      expect(element.shadowRoot!.querySelector('article')!.getAttribute('lang')).to.equal('tk');
    } finally {
      warnings.restore();
    }
    expect(warnings.messages.join('\n')).to.contain('blocked by CSP');
  });

  it('the policy loads only when a reader asks for it', async () => {
    let calls = 0;
    resetI18nForTesting({
      policy: {
        tk: () => {
          calls++;
          return import('../../locales/tk/policy.json');
        },
      },
    });
    await mount({ language: 'tk' });
    expect(calls).to.equal(0);
    const element = await fixture<RazylykPolicy>(html`<razylyk-policy></razylyk-policy>`);
    await waitFor(() => !!element.shadowRoot!.querySelector('h1'), 'the policy', 3000);
    expect(calls).to.equal(1);
  });
});
