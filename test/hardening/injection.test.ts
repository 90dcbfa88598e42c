/**
 * Hostile input: markup in configuration and translations renders as text; javascript:/data: URLs in
 * gated markup and the host helper are refused in every spelling; `__proto__` keys in configuration,
 * translations, stored records and bridge messages pollute nothing.
 */
import { expect } from '@open-wc/testing';
import { PROTOCOL, PROTOCOL_VERSION } from '../../src/core/protocol.js';
import { isSafeLink, isSafeUrl, scriptPolicy } from '../../src/core/trusted.js';
import { connectRazylykFrame } from '../../src/host/connect.js';
import { resetI18nForTesting } from '../../src/i18n/i18n.js';
import type { PolicyDocument } from '../../src/policy/types.js';
import '../../src/ui/define.js';
import { printedBy } from '../helpers/console.js';
import { closeFrames } from '../helpers/frames.js';
import { deepElements, shadowPart, visibleBannerButton } from '../helpers/page-ui.js';
import { storedRecord } from '../helpers/records.js';
import { freshKey } from '../helpers/storage.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { instanceOf, openPage, type PageWindow } from './helpers.js';

const XSS_TITLE = '<img src=x onerror="window.__xss=1">Analytics';
const XSS_DESCRIPTION =
  '<b>bold</b><script>window.__xss=2</script> & <a href="javascript:window.__xss=3">link</a>';

const UNSAFE_URLS = [
  'javascript:window.__xss=1',
  'JaVaScRiPt:window.__xss=1',
  'java\tscript:window.__xss=1',
  'java\nscript:window.__xss=1',
  '\u0000javascript:window.__xss=1',
  ' \u0001javascript:window.__xss=1',
  'data:text/html,<script>parent.__xss=1</script>',
  'DATA:text/javascript,window.__xss=1',
  'vbscript:msgbox(1)',
  'blob:https://example.com/0000',
];

const polluted = (win: PageWindow) =>
  (({}) as Record<string, unknown>).polluted ??
  (win.Object.prototype as unknown as Record<string, unknown>).polluted ??
  (win.Array.prototype as unknown as Record<string, unknown>).polluted;

function hostUrl(config: unknown, extra = ''): string {
  return `host.html?config=${encodeURIComponent(typeof config === 'string' ? config : JSON.stringify(config))}${extra}`;
}

/** Elements the page would not have if some text had been parsed as markup. */
const injectedElements = (win: PageWindow) =>
  deepElements(win.document).filter(
    (el) =>
      ['img', 'b'].includes(el.localName) || (el.localName === 'script' && el.closest('razylyk-preferences')),
  );

describe('markup in configuration and translations renders as text', () => {
  afterEach(closeFrames);

  it('purpose title and description from window.razylykConfig appear literally; no element is created', async () => {
    const key = freshKey('hardening:markup-config');
    const config = {
      storageKey: key,
      purposes: [{ id: 'analytics', title: { en: XSS_TITLE }, description: { en: XSS_DESCRIPTION } }],
    };
    const win = await openPage(hostUrl(config));
    (await visibleBannerButton(win, 'customize')).click();
    const preferences = () => win.document.querySelector('razylyk-preferences');
    const row = await shadowPart(preferences, '[data-purpose="analytics"]');
    expect(row.querySelector('label')!.textContent!.trim()).to.equal(XSS_TITLE);
    expect(row.querySelector('.description')!.textContent!.trim()).to.equal(XSS_DESCRIPTION);
    await sleep(200);
    expect(injectedElements(win)).to.deep.equal([]);
    expect(win.__xss).to.equal(undefined);
    expect(win.__log.errors).to.deep.equal([]);
  });

  it('a locale chunk whose every string is markup (and which has a __proto__ key) renders as text', async () => {
    const win = await openPage(
      `host.html?fault=locale-markup&lang=en&key=${freshKey('hardening:markup-locale')}`,
    );
    const accept = await visibleBannerButton(win, 'accept');
    const banner = win.document.querySelector('razylyk-banner')!;
    const title = banner.shadowRoot!.querySelector('[part~="title"]')!;
    await waitFor(() => title.textContent!.includes('<img'), 'the hostile locale was not used');
    expect(title.textContent!.trim()).to.match(
      /^<img src=x onerror="window.__xss=\(window.__xss\|\|0\)\+1">/,
    );
    expect(accept.textContent).to.include('<img');
    (await visibleBannerButton(win, 'customize')).click();
    await shadowPart(() => win.document.querySelector('razylyk-preferences'), 'dialog[open]');
    await sleep(300);
    expect(injectedElements(win)).to.deep.equal([]);
    expect(win.__xss).to.equal(undefined);
    expect(polluted(win)).to.equal(undefined);
    expect(win.__log.errors).to.deep.equal([]);
  });
});

describe('policy text from a hostile policy chunk (<razylyk-policy>)', () => {
  afterEach(() => {
    resetI18nForTesting();
    for (const el of document.querySelectorAll('razylyk-policy')) el.remove();
  });

  for (const contactEmail of ['"><svg onload=window.__xss=1>@x.example', 'javascript:window.__xss=1']) {
    it(`renders markup as text and links only to mailto:/fragments (contact ${JSON.stringify(contactEmail)})`, async () => {
      const doc: PolicyDocument = {
        sourceId: '<b>id</b>',
        language: 'en',
        title: '<img src=x onerror="window.__xss=1">Privacy policy',
        contactEmail,
        sections: [
          {
            id: 'introduction',
            heading: '<b>Hello</b> {{email}}',
            level: 1,
            blocks: [
              { type: 'p', text: 'Write to {{email}}. <script>window.__xss=2</script>' },
              { type: 'ul', items: ['<a href="javascript:window.__xss=3">click</a>', '{{email}}'] },
            ],
          },
        ],
      };
      resetI18nForTesting({ policy: { en: () => Promise.resolve({ default: doc }) } });
      const element = document.createElement('razylyk-policy');
      element.setAttribute('lang', 'en');
      document.body.append(element);
      await waitFor(() => element.shadowRoot?.querySelector('h1'), 'the policy did not render');
      const root = element.shadowRoot!;
      expect(root.querySelector('h1')!.textContent!.trim()).to.equal(doc.title);
      expect(root.querySelector('section p')!.textContent).to.include('<script>window.__xss=2</script>');
      expect(root.querySelectorAll('img, b, script, svg').length).to.equal(0);
      for (const link of Array.from(root.querySelectorAll('a[href]'))) {
        const href = link.getAttribute('href')!;
        expect(href.startsWith('#') || href.startsWith('mailto:'), href).to.equal(true);
      }
      expect((window as { __xss?: number }).__xss).to.equal(undefined);
    });
  }
});

describe('unsafe URLs are refused in every spelling', () => {
  afterEach(closeFrames);

  it('isSafeUrl: javascript:, data:, vbscript:, blob: and their mixed-case or control-character variants are refused', () => {
    for (const url of UNSAFE_URLS) expect(isSafeUrl(url), JSON.stringify(url)).to.equal(false);
    expect(isSafeUrl('mailto:privacy@example.com')).to.equal(false);
    expect(isSafeLink('mailto:privacy@example.com')).to.equal(true);
    for (const url of UNSAFE_URLS) expect(isSafeLink(url), JSON.stringify(url)).to.equal(false);
    for (const url of [
      'https://maps.example/embed',
      'http://a.example',
      '/relative',
      'page.html',
      '//cdn.example/x.js',
    ])
      expect(isSafeUrl(url), url).to.equal(true);
  });

  it('the Trusted Types policy turns an unsafe script URL into none, whoever asks', () => {
    const policy = scriptPolicy()!;
    for (const url of UNSAFE_URLS)
      expect(String(policy.createScriptURL(url)), JSON.stringify(url)).to.equal('');
    expect(String(policy.createScriptURL('/analytics.js'))).to.equal('/analytics.js');
    expect(String(policy.createScript('window.x = 1'))).to.equal('window.x = 1');
  });

  it('gated iframes (data-src) and scripts (src) with unsafe URLs stay inert after consent, with a warning', async () => {
    const key = freshKey('hardening:unsafe-gating');
    const win = await openPage(`host.html?key=${key}`);
    const razylyk = await instanceOf(win);
    const area = win.document.createElement('div');
    for (const url of UNSAFE_URLS) {
      const frame = win.document.createElement('iframe');
      frame.setAttribute('data-consent', 'location');
      frame.setAttribute('data-src', url);
      const script = win.document.createElement('script');
      script.type = 'text/plain';
      script.setAttribute('data-consent', 'location');
      script.setAttribute('src', url);
      area.append(frame, script);
    }
    win.document.body.append(area);
    razylyk.acceptAll();
    await waitFor(() => win.__ran.length === 3, 'the safe gated scripts did not run');
    await sleep(300);
    for (const frame of Array.from(area.querySelectorAll('iframe'))) {
      expect(frame.getAttribute('src'), frame.dataset.src).to.equal(null);
      expect(frame.hasAttribute('data-consent-activated')).to.equal(true);
    }
    // Each unsafe script is still the inert original: nothing was created in its place.
    expect(area.querySelectorAll('script[type="text/plain"]').length).to.equal(UNSAFE_URLS.length);
    expect(area.querySelectorAll('script:not([type])').length).to.equal(0);
    const warnings = win.__log.consoleWarns.filter((m) => m.includes('unsafe'));
    expect(warnings.length).to.equal(UNSAFE_URLS.length * 2);
    expect(win.__xss).to.equal(undefined);
    expect(win.__log.errors).to.deep.equal([]);
  });

  it('the host helper refuses a javascript: frame "URL" (any spelling) and creates no iframe', () => {
    const before = document.querySelectorAll('iframe').length;
    const { result: frames, messages: errors } = printedBy(
      () => UNSAFE_URLS.map((url) => connectRazylykFrame({ frame: url, origin: 'https://consent.example' })),
      'error',
    );
    for (const [i, frame] of frames.entries()) {
      expect(frame.frame, JSON.stringify(UNSAFE_URLS[i])).to.equal(undefined);
      frame.destroy();
    }
    expect(document.querySelectorAll('iframe').length).to.equal(before);
    expect(errors.length).to.equal(UNSAFE_URLS.length);
    expect(errors.every((m) => m.includes('options.frame'))).to.equal(true);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });
});

describe('__proto__ keys pollute nothing', () => {
  afterEach(closeFrames);

  it('in window.razylykConfig parsed from JSON (top level, purposes, titles)', async () => {
    const key = freshKey('hardening:proto-config');
    const json =
      `{"__proto__":{"polluted":"config"},"storageKey":"${key}","constructor":{"prototype":{"polluted":"ctor"}},` +
      `"purposes":[{"id":"analytics","__proto__":{"required":true},"title":{"__proto__":{"polluted":"title"},"en":"Analytics"}}]}`;
    const win = await openPage(hostUrl(json));
    const razylyk = await instanceOf(win);
    await visibleBannerButton(win, 'accept');
    expect(razylyk.config.storageKey).to.equal(key);
    expect(Object.hasOwn(razylyk.config, '__proto__')).to.equal(false);
    const analytics = razylyk.purposes.find((p) => p.id === 'analytics')!;
    expect(analytics.required).to.equal(false);
    expect(razylyk.has('analytics')).to.equal(false);
    expect(polluted(win)).to.equal(undefined);
    expect(win.__log.consoleWarns.some((m) => m.includes('__proto__'))).to.equal(true);
  });

  it('in bridge messages from the parent: dropped, nothing granted, nothing polluted', async () => {
    const key = freshKey('hardening:proto-bridge');
    const win = await openPage(hostUrl({ storageKey: key, allowedOrigins: [location.origin] }));
    await instanceOf(win);
    const send = (text: string) => win.postMessage(JSON.parse(text), location.origin);
    const envelope = `"protocol":"${PROTOCOL}","version":${PROTOCOL_VERSION}`;
    send(`{${envelope},"type":"set","choices":{"__proto__":{"cookies":true},"web_beacons":true}}`);
    send(`{${envelope},"type":"set","choices":{"constructor":{"prototype":{"polluted":1}}}}`);
    send(`{"__proto__":{"polluted":"msg"},${envelope},"type":"accept-all"}`);
    send(`{${envelope},"type":"set-language","language":"en","__proto__":{"polluted":1}}`);
    await sleep(300);
    expect(storedRecord(key, win)).to.equal(null);
    expect(win.razylyk!.needsDecision()).to.equal(true);
    expect(win.__ran).to.deep.equal([]);
    expect(polluted(win)).to.equal(undefined);
    // A well-formed command on the same channel still works: the drops were for the keys.
    send(`{${envelope},"type":"set","choices":{"cookies":true}}`);
    await waitFor(
      () => win.__ran.includes('inline:cookies'),
      `a valid command was not applied: ${JSON.stringify(win.__log)} ${win.__ran}`,
    );
  });
});
