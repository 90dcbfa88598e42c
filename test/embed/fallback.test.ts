import { expect } from '@open-wc/testing';
import { getRazylyk, resetRazylyk, type Razylyk } from '../../src/core/instance.js';
import { FALLBACK_ATTRIBUTE, FALLBACK_TEXTS, showFallback } from '../../src/embed/fallback.js';
import tkUi from '../../locales/tk/ui.json';

const KEY = 'embed-test:fallback';

describe('embed/fallback showFallback', () => {
  let razylyk: Razylyk;
  beforeEach(() => {
    localStorage.removeItem(KEY);
    resetRazylyk();
    razylyk = getRazylyk({ storageKey: KEY, consentMode: false, gating: false, geolocationGuard: false });
  });
  afterEach(() => {
    document.querySelector(`[${FALLBACK_ATTRIBUTE}]`)?.remove();
    resetRazylyk();
    localStorage.removeItem(KEY);
  });

  const buttons = (host: HTMLElement) => Array.from(host.shadowRoot!.querySelectorAll('button'));

  it('is an accessible region with two equal buttons, and records Reject all', async () => {
    // The language the UI would choose (src/i18n/detect.ts): here the page's. Without one it would be the
    // browser's, which differs between the test browsers.
    const pageLang = document.documentElement.lang;
    document.documentElement.lang = 'en';
    const host = showFallback(razylyk);
    document.documentElement.lang = pageLang;
    await expect(host).to.be.accessible();
    const [accept, reject] = buttons(host);
    expect([accept.textContent, reject.textContent]).to.deep.equal(['Accept all', 'Reject all']);
    expect(accept.getBoundingClientRect().height).to.equal(reject.getBoundingClientRect().height);
    expect(getComputedStyle(accept).fontWeight).to.equal(getComputedStyle(reject).fontWeight);
    reject.click();
    await Promise.resolve();
    const stored = JSON.parse(localStorage.getItem(KEY)!);
    expect(stored.method).to.equal('reject_all');
    expect(stored.textHash).to.match(/^[0-9a-f]{14}$/);
    expect(host.isConnected).to.equal(false);
  });

  it('shows once, however often it is asked for', () => {
    const first = showFallback(razylyk);
    expect(showFallback(razylyk)).to.equal(first);
    expect(document.querySelectorAll(`[${FALLBACK_ATTRIBUTE}]`)).to.have.length(1);
  });

  it('goes away when the visitor decides elsewhere (the API, another tab)', async () => {
    const host = showFallback(razylyk);
    razylyk.acceptAll();
    await Promise.resolve();
    expect(host.isConnected).to.equal(false);
  });

  it("speaks Turkmen on a Turkmen page, with the operator's own banner strings", () => {
    resetRazylyk();
    razylyk = getRazylyk({ storageKey: KEY, language: 'tk-TM', consentMode: false, gating: false });
    const host = showFallback(razylyk, true);
    const section = host.shadowRoot!.querySelector('section')!;
    expect(section.lang).to.equal('tk');
    expect(host.shadowRoot!.querySelector('h2')!.textContent).to.equal(tkUi.banner.title);
    expect(host.shadowRoot!.querySelector('p')!.textContent).to.equal(tkUi.banner.text);
    const [accept, reject] = buttons(host);
    expect([accept.textContent, reject.textContent]).to.deep.equal([
      tkUi.banner.acceptAll,
      tkUi.banner.rejectAll,
    ]);
    // Asked for by the visitor (a settings link): focus moves into the notice.
    expect(host.shadowRoot!.activeElement).to.equal(accept);
  });

  it('keeps its Turkmen text in step with locales/tk/ui.json', () => {
    const { title, text, acceptAll, rejectAll } = tkUi.banner;
    expect(FALLBACK_TEXTS.tk).to.deep.equal({ title, text, acceptAll, rejectAll });
  });
});
