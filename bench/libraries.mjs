// The three consent managers under test, each configured with the same five purposes on the same
// host page (bench/host.html): necessary, cookies, web beacons, location, ad personalization.

const PURPOSES = [
  ['cookies', 'Cookies'],
  ['web_beacons', 'Web beacons'],
  ['location', 'Location'],
  ['ad_personalization', 'Ad personalization'],
];

export const libraries = {
  razylyk: {
    head: `<script src="/razylyk/razylyk.js" defer data-lang="en" data-layout="bar"></script>`,
    // The banner is in razylyk-banner's shadow root.
    visible: `(() => { const host = document.querySelector('razylyk-banner'); const el = host?.shadowRoot?.querySelector('[part~="banner"]'); if (!el) return false; const r = el.getBoundingClientRect(); return r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; })()`,
    accept: `document.querySelector('razylyk-banner').shadowRoot.querySelector('[part~="accept"]')`,
    // No banner element, and no UI code at all (the elements are defined only once ui.js has run).
    bannerDom: `!!document.querySelector('razylyk-banner') || !!customElements.get('razylyk-banner')`,
    // Returning visit: the footer's "Privacy settings" button (data-razylyk-open) loads the UI and opens the preferences.
    openPreferences: `document.querySelector('#privacy-settings').click()`,
    preferencesVisible: `(() => { const el = document.querySelector('razylyk-preferences')?.shadowRoot?.querySelector('dialog[open]'); if (!el) return false; const r = el.getBoundingClientRect(); return r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; })()`,
  },
  'vanilla-cookieconsent': {
    head: `<link rel="stylesheet" href="/vendor/cookieconsent/cookieconsent.css" />
    <script src="/vendor/cookieconsent/cookieconsent.umd.js" defer></script>
    <script type="module">
      await new Promise((r) => (document.readyState === 'loading' ? addEventListener('DOMContentLoaded', r) : r()));
      // hideFromBots would hide the banner from headless Chromium (navigator.webdriver).
      CookieConsent.run({
        hideFromBots: false,
        categories: { necessary: { enabled: true, readOnly: true }, ${PURPOSES.map(([id]) => `${id}: {}`).join(', ')} },
        language: { default: 'en', translations: { en: {
          consentModal: { title: 'Your privacy', description: 'We use cookies, web beacons, location and ad personalization only with your consent.', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Customize' },
          preferencesModal: { title: 'Privacy preferences', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', savePreferencesBtn: 'Save choices', sections: [
            { title: 'Necessary', description: 'Always on.', linkedCategory: 'necessary' },
            ${PURPOSES.map(([id, title]) => `{ title: '${title}', description: '${title}.', linkedCategory: '${id}' }`).join(',\n            ')}
          ] } } } },
      });
    </script>`,
    visible: `(() => { const el = document.querySelector('#cc-main .cm'); if (!el) return false; const r = el.getBoundingClientRect(); const s = getComputedStyle(el); return r.height > 0 && s.visibility !== 'hidden' && s.opacity !== '0'; })()`,
    accept: `document.querySelector('#cc-main .cm [data-role="all"]')`,
    bannerDom: `!!document.querySelector('#cc-main .cm')`,
    openPreferences: `document.querySelector('#privacy-settings').click()`,
    preferencesVisible: `(() => { const el = document.querySelector('#cc-main .pm'); if (!el) return false; const r = el.getBoundingClientRect(); const s = getComputedStyle(el); return r.height > 0 && s.visibility !== 'hidden' && s.opacity !== '0'; })()`,
  },
  klaro: {
    head: `<script>
      window.klaroConfig = {
        lang: 'en', mustConsent: false, acceptAll: true, hideDeclineAll: false,
        translations: { en: { purposes: { ${PURPOSES.map(([id, title]) => `${id}: '${title}'`).join(', ')} } } },
        services: [
          { name: 'necessary', title: 'Necessary', purposes: ['necessary'], required: true },
          ${PURPOSES.map(([id, title]) => `{ name: '${id}-service', title: '${title}', purposes: ['${id}'] }`).join(',\n          ')}
        ],
      };
    </script>
    <script src="/vendor/klaro/klaro.js" defer></script>`,
    visible: `(() => { const el = document.querySelector('.klaro .cookie-notice, .klaro .cookie-modal'); if (!el) return false; const r = el.getBoundingClientRect(); return r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; })()`,
    accept: `document.querySelector('.klaro .cookie-notice .cm-btn-success, .klaro .cm-btn-accept-all')`,
    bannerDom: `!!document.querySelector('.klaro .cookie-notice, .klaro .cookie-modal')`,
    openPreferences: `window.klaro.show()`,
    preferencesVisible: `(() => { const el = document.querySelector('.klaro .cookie-modal'); if (!el) return false; const r = el.getBoundingClientRect(); return r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; })()`,
  },
};
