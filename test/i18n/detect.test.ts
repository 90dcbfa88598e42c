import { expect, fixture, html } from '@open-wc/testing';
import { detectLanguage } from '../../src/i18n/detect.js';
import { directionOf, matchLanguage } from '../../src/i18n/languages.js';

describe('language detection', () => {
  let htmlLang: string | null;
  beforeEach(() => (htmlLang = document.documentElement.getAttribute('lang')));
  afterEach(() => {
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  it('maps regional and script tags to the shipped language', () => {
    expect(matchLanguage('ru-RU')).to.equal('ru');
    expect(matchLanguage('zh-CN')).to.equal('zh');
    expect(matchLanguage('zh-Hans')).to.equal('zh');
    expect(matchLanguage('zh_Hans_CN')).to.equal('zh');
    expect(matchLanguage('EN-gb')).to.equal('en');
    expect(matchLanguage('ar-EG')).to.equal('ar');
    expect(matchLanguage('fr-FR')).to.equal(undefined);
    expect(matchLanguage('')).to.equal(undefined);
    expect(matchLanguage(null)).to.equal(undefined);
  });

  it('an explicit choice wins over everything else', () => {
    document.documentElement.setAttribute('lang', 'de');
    expect(detectLanguage({ explicit: 'tr-TR', navigatorLanguages: ['ru'] })).to.equal('tr');
  });

  it('an unknown explicit choice falls through to the markup', () => {
    document.documentElement.setAttribute('lang', 'de-AT');
    expect(detectLanguage({ explicit: 'xx', navigatorLanguages: ['ru'] })).to.equal('de');
  });

  it('the nearest [lang] around the element comes before the page language', async () => {
    document.documentElement.setAttribute('lang', 'de');
    const wrapper = await fixture(
      html`<div lang="ar">
        <span><b></b></span>
      </div>`,
    );
    expect(detectLanguage({ element: wrapper.querySelector('b'), navigatorLanguages: ['ru'] })).to.equal(
      'ar',
    );
  });

  it('crosses shadow roots to find the host page’s [lang]', async () => {
    const wrapper = await fixture(html`<div lang="zh-Hans"><span></span></div>`);
    const host = wrapper.querySelector('span')!;
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('i'));
    expect(detectLanguage({ element: inner, navigatorLanguages: [] })).to.equal('zh');
  });

  it('then <html lang>, then navigator.languages in order, then Turkmen', () => {
    document.documentElement.setAttribute('lang', 'ru-RU');
    expect(detectLanguage({ navigatorLanguages: ['en'] })).to.equal('ru');
    document.documentElement.setAttribute('lang', 'fr');
    expect(detectLanguage({ navigatorLanguages: ['fr-CA', 'zh-CN', 'en'] })).to.equal('zh');
    expect(detectLanguage({ navigatorLanguages: ['fr', 'es'] })).to.equal('tk');
    document.documentElement.removeAttribute('lang');
    expect(detectLanguage({ navigatorLanguages: [] })).to.equal('tk');
  });

  it('direction follows the language', () => {
    expect(directionOf('ar')).to.equal('rtl');
    expect(directionOf('tk')).to.equal('ltr');
    expect(directionOf('zh')).to.equal('ltr');
  });
});
