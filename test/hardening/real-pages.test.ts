/**
 * Pages as real sites build them (fixtures/real-page.html): GPU and theming hacks on <body>, a chat widget
 * at the highest z-index, Tag Manager mistakes, the analytics queue-stub habit, injected markup that
 * clobbers document properties, polluted prototypes, and code that changes what it is handed.
 * razylyk's promise holds on each: the banner shows and can be clicked; nothing gated runs before
 * consent; nothing on the page changes the visitor's decision.
 */
import { expect } from '@open-wc/testing';
import type { Razylyk } from '../../src/core/instance.js';
import type { ConsentRecord } from '../../src/core/types.js';
import { closeFrames } from '../helpers/frames.js';
import { fallbackNotice, pageQuery, shadowPart, visibleBannerButton } from '../helpers/page-ui.js';
import { storedRecord } from '../helpers/records.js';
import { freshKey } from '../helpers/storage.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { instanceOf, openPage, type PageWindow } from './helpers.js';

type QueueWindow = PageWindow & { __queued: string[]; __beacons: string[] };

const page = (query: string) => `real-page.html?${query}`;
const banner = (win: PageWindow) => pageQuery(win, 'razylyk-banner')!;

/** A person can see `button` in the viewport, and a pointer at its centre reaches it (nothing covers it). */
function expectReachable(win: PageWindow, button: HTMLElement, host: Element): void {
  const box = button.getBoundingClientRect();
  expect(box.top, 'top').to.be.at.least(0);
  expect(box.bottom, 'bottom').to.be.at.most(win.innerHeight);
  expect(box.left, 'left').to.be.at.least(0);
  expect(box.right, 'right').to.be.at.most(win.innerWidth);
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  // The page sees our host element at that point (no widget above it), and inside it, the button.
  expect(win.document.elementFromPoint(x, y)).to.equal(host);
  expect((button.getRootNode() as ShadowRoot).elementFromPoint(x, y)).to.equal(button);
}

async function acceptAndExpectGatedToRun(win: PageWindow, key: string): Promise<void> {
  (await visibleBannerButton(win, 'accept')).click();
  await waitFor(() => win.__ran.length === 2, `gated scripts ran: ${win.__ran}`);
  expect(win.__ran).to.deep.equal(['inline:cookies', 'inline:beacons']);
  expect(storedRecord(key, win)!.method).to.equal('accept_all');
}

describe('real pages: the banner is in the top layer', () => {
  afterEach(closeFrames);

  for (const body of ['transform', 'will-change', 'filter', 'contain', 'perspective', 'backdrop']) {
    it(`body { ${body} } on a 10000 px page: Accept all is on screen, under the pointer, and decides`, async () => {
      const key = freshKey(`hardening:body-${body}`);
      const win = await openPage(page(`key=${key}&body=${body}&long`));
      const accept = await visibleBannerButton(win, 'accept');
      expectReachable(win, accept, banner(win));
      await acceptAndExpectGatedToRun(win, key);
    });
  }

  for (const layout of ['bar', 'box', 'modal']) {
    it(`${layout}: a chat widget fixed at z-index 2147483647 does not cover Accept all`, async () => {
      const key = freshKey(`hardening:widget-${layout}`);
      const win = await openPage(page(`key=${key}&widget&body=transform&layout=${layout}`));
      const accept = await visibleBannerButton(win, 'accept');
      const chat = win.document.getElementById('chat')!;
      // The widget really is where the button is: without the top layer it would win the hit test.
      const box = accept.getBoundingClientRect();
      expect(chat.getBoundingClientRect().top).to.be.below(box.top + box.height / 2);
      expectReachable(win, accept, banner(win));
      await acceptAndExpectGatedToRun(win, key);
    });
  }

  it('the preferences and the policy reader open above a transformed body and the widget', async () => {
    const win = await openPage(page(`key=${freshKey('hardening:dialogs')}&widget&body=transform&long`));
    (await visibleBannerButton(win, 'customize')).click();
    const prefs = () => win.document.querySelector('razylyk-preferences');
    const save = await shadowPart(prefs, '[part~="save"]');
    await waitFor(() => prefs()!.shadowRoot!.querySelector('dialog')?.matches(':modal'), 'no modal');
    save.scrollIntoView({ block: 'nearest' });
    expectReachable(win, save, prefs()!);
    (prefs()!.shadowRoot!.querySelector('dialog') as HTMLDialogElement).close();
    (await visibleBannerButton(win, 'policy-link')).click();
    const reader = () => win.document.querySelector('razylyk-policy-dialog');
    const close = await shadowPart(reader, '[part~="close"]');
    await waitFor(() => reader()!.shadowRoot!.querySelector('dialog')?.matches(':modal'), 'no modal reader');
    const box = close.getBoundingClientRect();
    expect(box.bottom).to.be.at.most(win.innerHeight);
    expect(win.document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)).to.equal(
      reader(),
    );
  });

  it('the fallback notice (no UI could load) is in the top layer too', async () => {
    const key = freshKey('hardening:fallback-top');
    const win = await openPage(page(`key=${key}&widget&body=transform&long&fault=ui-down`));
    const { root, accept } = await fallbackNotice(win);
    expect(root.querySelector('section')!.matches(':popover-open')).to.equal(true);
    expectReachable(win, accept, root.host);
    accept.click();
    await waitFor(() => win.__ran.length === 2, 'gated scripts did not run');
    expect(storedRecord(key, win)!.method).to.equal('accept_all');
  });

  const removals: Record<string, (win: PageWindow) => void> = {
    'removes the banner': (win) => banner(win).remove(),
    'wipes the body (body.innerHTML = …)': (win) => (win.document.body.innerHTML = '<main>New page</main>'),
    'renders a new body (a framework taking over document.body)': (win) => {
      const body = win.document.createElement('body');
      body.innerHTML = '<div id="app">Rendered</div>';
      win.document.documentElement.replaceChild(body, win.document.body);
    },
  };
  for (const [what, remove] of Object.entries(removals)) {
    it(`a host that ${what} while a decision is pending gets the banner back, still on top`, async () => {
      const key = freshKey('hardening:removed');
      const win = await openPage(page(`key=${key}&body=transform&long&widget`));
      const first = await visibleBannerButton(win, 'reject');
      remove(win);
      await waitFor(
        () => banner(win)?.isConnected && banner(win).shadowRoot!.querySelector('[popover]:popover-open'),
        'the banner did not come back',
      );
      const reject = await visibleBannerButton(win, 'reject');
      expect(reject.isConnected).to.equal(true);
      expect(first === reject || !first.isConnected || first.isConnected).to.equal(true);
      expectReachable(win, reject, banner(win));
      reject.click();
      await waitFor(() => storedRecord(key, win), 'nothing stored');
      expect(storedRecord(key, win)!.method).to.equal('reject_all');
      expect(win.__log.errors).to.deep.equal([]);
    });
  }

  it('after a decision, a removed banner stays removed', async () => {
    const key = freshKey('hardening:decided-removed');
    const win = await openPage(page(`key=${key}`));
    (await visibleBannerButton(win, 'reject')).click();
    await waitFor(() => storedRecord(key, win), 'nothing stored');
    win.document.body.innerHTML = '<main>Next view</main>';
    await sleep(300);
    expect(win.document.querySelector('razylyk-banner')).to.equal(null);
  });

  it('a modal banner put back after removal is modal again', async () => {
    const win = await openPage(page(`key=${freshKey('hardening:modal-back')}&layout=modal`));
    await visibleBannerButton(win, 'accept');
    banner(win).remove();
    await waitFor(
      () => banner(win)?.shadowRoot?.querySelector('dialog')?.matches(':modal'),
      'not modal again',
    );
    const accept = await visibleBannerButton(win, 'accept');
    expectReachable(win, accept, banner(win));
  });
});

describe('real pages: the page’s globals never stop razylyk', () => {
  afterEach(closeFrames);

  for (const shape of ['object', 'frozen', 'element', 'string', 'throwing']) {
    it(`a dataLayer that is ${shape === 'element' ? 'a <div id="dataLayer">' : `${shape}`}: one warning, the banner shows and decides`, async () => {
      const key = freshKey(`hardening:layer-${shape}`);
      const win = await openPage(page(`key=${key}&datalayer=${shape}`));
      await acceptAndExpectGatedToRun(win, key);
      const warnings = win.__log.consoleWarns.filter((m) => m.includes('dataLayer'));
      expect(warnings, win.__log.consoleWarns.join('\n')).to.have.length(1);
      expect(win.__log.errors).to.deep.equal([]);
      expect(win.__log.consoleErrors).to.deep.equal([]);
    });
  }

  it('var razylyk = window.razylyk || []: queued calls run once it starts, bad ones are named, push() keeps working', async () => {
    const key = freshKey('hardening:queue');
    const win = (await openPage(page(`key=${key}&queue`))) as QueueWindow;
    await visibleBannerButton(win, 'accept');
    expect(Array.isArray(win.razylyk)).to.equal(false);
    await waitFor(() => win.__log.consoleWarns.filter((m) => m.includes('queued command')).length === 2);
    const skipped = win.__log.consoleWarns.filter((m) => m.includes('queued command'));
    expect(skipped[0]).to.contain('noSuchCommand');
    expect(skipped[1]).to.contain('not a command');
    await acceptAndExpectGatedToRun(win, key);
    await waitFor(() => win.__queued.length === 1, 'the queued onChange did not run');
    expect(win.__queued).to.deep.equal(['accept_all']);
    // The snippet's own variable still works after load.
    const later: string[] = [];
    win.razylyk!.push(['onChange', (record: ConsentRecord) => later.push(record.method)]);
    (await instanceOf(win)).rejectAll();
    await waitFor(() => later.length === 1, 'push() after load did not register');
    expect(later).to.deep.equal(['reject_all']);
    expect(win.__log.errors).to.deep.equal([]);
  });

  it('a queue on a returning visit runs on the full instance: its listener hears the next decision', async () => {
    const key = freshKey('hardening:queue-returning');
    const first = await openPage(page(`key=${key}`));
    (await visibleBannerButton(first, 'reject')).click();
    await waitFor(() => storedRecord(key, first), 'nothing stored');
    closeFrames();
    const win = (await openPage(page(`key=${key}&queue`))) as QueueWindow;
    const razylyk = await instanceOf(win);
    expect(win.document.querySelector('razylyk-banner')).to.equal(null);
    razylyk.acceptAll();
    await waitFor(() => win.__queued.length === 1, 'the queued onChange did not run');
    expect(win.__queued).to.deep.equal(['accept_all']);
  });
});

describe('real pages: a CDN without CORS headers', () => {
  afterEach(closeFrames);

  it('the console error names CORS as a likely cause, and gated scripts stay blocked', async () => {
    const win = await openPage(page(`key=${freshKey('hardening:no-cors')}&cdn=other&fault=no-cors`));
    await waitFor(
      () => win.__log.consoleErrors.some((m) => m.includes('cdn/engine.js') && m.includes('CORS')),
      `no error names CORS: ${win.__log.consoleErrors.join(' | ')}`,
      8000,
    );
    expect(win.__ran).to.deep.equal([]);
    expect(win.__log.errors).to.deep.equal([]);
  });
});

describe('real pages: injected markup cannot clobber what razylyk reads', () => {
  afterEach(closeFrames);

  const NAMES = [
    'currentScript',
    'body',
    'documentElement',
    'baseURI',
    'activeElement',
    'cookie',
    'createElement',
    'querySelector',
    'querySelectorAll',
    'addEventListener',
  ];
  for (const name of NAMES) {
    it(`<img|form|embed name="${name}">: modules come from razylyk.js's own folder, the banner shows and decides`, async () => {
      for (const tag of ['img', 'form', 'embed']) {
        const key = freshKey(`hardening:clobber-${name}-${tag}`);
        const win = await openPage(page(`key=${key}&clobber=${name}&tag=${tag}`));
        expect(win.document[name as keyof Document], 'the name really is clobbered').to.be.instanceOf(
          win.HTMLElement,
        );
        if (name === 'createElement') {
          // Lit renders through document.createElement: the minimal notice asks instead.
          (await fallbackNotice(win)).accept.click();
          await waitFor(() => win.__ran.length === 2, `gated scripts ran: ${win.__ran}`);
          expect(win.__log.consoleErrors.some((m) => m.includes('hides document.createElement'))).to.equal(
            true,
          );
        } else await acceptAndExpectGatedToRun(win, key);
        const fetched = win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
        expect(fetched.filter((path) => path.startsWith('/evil/cdn'))).to.deep.equal([]);
        expect(fetched).to.include('/dist/cdn/engine.js');
        expect(win.__log.errors, `${tag}: ${win.__log.errors}`).to.deep.equal([]);
        closeFrames();
      }
    });
  }

  it('<img name="body">: the banner renders in the real body, not inside the image', async () => {
    const win = await openPage(page(`key=${freshKey('hardening:clobber-body-parent')}&clobber=body`));
    await visibleBannerButton(win, 'accept');
    expect(banner(win).parentElement).to.equal(win.document.querySelector('body'));
  });
});

/** Every key the schemas know, on Object.prototype and Array.prototype (fixtures/real-page.html?pollute). */
describe('real pages: polluted prototypes change nothing', () => {
  afterEach(closeFrames);

  it('first visit: the banner shows, nothing gated runs, no beacon, no bridge; Reject all keeps everything off', async () => {
    const key = freshKey('hardening:pollute');
    const win = (await openPage(page(`key=${key}&pollute`))) as QueueWindow;
    const frame = Array.from(document.querySelectorAll('iframe')).find((f) => f.contentWindow === win)!;
    const replies: unknown[] = [];
    const onMessage = (event: MessageEvent) => event.source === win && replies.push(event.data);
    window.addEventListener('message', onMessage);
    try {
      const reject = await visibleBannerButton(win, 'reject');
      // A polluted allowedOrigins: ['*'] would open the frame bridge to anyone.
      frame.contentWindow!.postMessage({ protocol: 'razylyk', version: 1, type: 'hello' }, '*');
      await sleep(500);
      expect(win.__ran).to.deep.equal([]);
      const razylyk = await instanceOf(win);
      expect(razylyk.has('cookies')).to.equal(false);
      expect(razylyk.purposes.find((p) => p.id === 'cookies')!.required).to.equal(false);
      reject.click();
      await waitFor(() => storedRecord(key, win), 'nothing stored under the configured key');
      await sleep(300);
      expect(storedRecord(key, win)!.method).to.equal('reject_all');
      expect(win.localStorage.getItem('evil:key')).to.equal(null);
      expect(razylyk.has('cookies')).to.equal(false);
      expect(win.__ran).to.deep.equal([]);
      expect(win.__beacons).to.deep.equal([]);
      expect(replies).to.deep.equal([]);
      expect(win.__log.errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('message', onMessage);
    }
  });

  it('returning visit: a stored refusal stays a refusal on the first stage alone', async () => {
    const key = freshKey('hardening:pollute-returning');
    const first = await openPage(page(`key=${key}`));
    (await visibleBannerButton(first, 'reject')).click();
    await waitFor(() => storedRecord(key, first), 'nothing stored');
    // A record missing a field and a choice: on a polluted page the prototype would fill both in.
    const stored = storedRecord(key, first)! as unknown as Record<string, unknown>;
    closeFrames();
    const win = await openPage(page(`key=${key}&pollute`));
    await waitFor(() => win.razylyk, 'no window.razylyk');
    await sleep(300);
    expect(win.razylyk!.has('cookies')).to.equal(false);
    expect(win.razylyk!.has('web_beacons')).to.equal(false);
    expect(win.__ran).to.deep.equal([]);
    expect(win.document.querySelector('razylyk-banner')).to.equal(null);
    closeFrames();
    const partial = { ...stored, choices: { necessary: true } } as Record<string, unknown>;
    delete partial.gpc;
    localStorage.setItem(key, JSON.stringify(partial));
    const again = await openPage(page(`key=${key}&pollute`));
    // Not a valid decision: the banner asks, and nothing runs.
    await visibleBannerButton(again, 'accept');
    expect(again.__ran).to.deep.equal([]);
  });
});

describe('real pages: what razylyk hands out is frozen', () => {
  afterEach(closeFrames);

  it('get(), listeners and razylyk-change details cannot change the decision', async () => {
    const key = freshKey('hardening:frozen');
    const win = await openPage(page(`key=${key}`));
    const razylyk = await instanceOf(win);
    const seen: ConsentRecord[] = [];
    razylyk.onChange((record) => {
      seen.push(record);
      // A listener that tries to grant what the visitor refused.
      Reflect.set(record.choices, 'cookies', true);
    });
    win.addEventListener('razylyk-change', (event) => Reflect.set(event.detail.choices, 'web_beacons', true));
    (await visibleBannerButton(win, 'reject')).click();
    await waitFor(() => seen.length === 1, 'no change');
    const record = razylyk.get()!;
    expect(Object.isFrozen(record)).to.equal(true);
    expect(Object.isFrozen(record.choices)).to.equal(true);
    expect(Reflect.set(record.choices, 'cookies', true)).to.equal(false);
    expect(Reflect.set(record, 'method', 'accept_all')).to.equal(false);
    expect(razylyk.get()!.choices.cookies).to.equal(false);
    expect(razylyk.has('cookies')).to.equal(false);
    expect(razylyk.has('web_beacons')).to.equal(false);
    expect(Object.isFrozen(razylyk.config)).to.equal(true);
    // Gated markup added later still waits.
    const late = win.document.createElement('script');
    late.type = 'text/plain';
    late.setAttribute('data-consent', 'cookies');
    late.text = "window.__ran.push('late:cookies')";
    win.document.body.append(late);
    await sleep(300);
    expect(win.__ran).to.deep.equal([]);
  });

  it('the first stage’s light instance hands out the stored decision frozen', async () => {
    const key = freshKey('hardening:frozen-light');
    const first = await openPage(page(`key=${key}`));
    (await visibleBannerButton(first, 'reject')).click();
    await waitFor(() => storedRecord(key, first), 'nothing stored');
    closeFrames();
    const win = await openPage(page(`key=${key}`));
    await waitFor(() => win.razylyk, 'no window.razylyk');
    const light = win.razylyk as unknown as Razylyk;
    const record = light.get()!;
    expect(Object.isFrozen(record) && Object.isFrozen(record.choices)).to.equal(true);
    expect(Reflect.set(record.choices, 'cookies', true)).to.equal(false);
    expect(light.has('cookies')).to.equal(false);
  });
});

describe('real pages: gating fails closed', () => {
  afterEach(closeFrames);

  it('an empty, blank or undeclared data-consent never runs; one warning names each element', async () => {
    const key = freshKey('hardening:odd');
    const win = await openPage(page(`key=${key}&gated=odd`));
    await acceptAndExpectGatedToRun(win, key);
    win.document.body.append(win.document.createElement('div'));
    await sleep(300);
    expect(win.__ran.filter((name) => name.startsWith('odd:'))).to.deep.equal([]);
    const warnings = win.__log.consoleWarns.filter((m) => m.includes('no declared purpose'));
    expect(warnings, win.__log.consoleWarns.join('\n')).to.have.length(3);
    expect(warnings.every((m) => m.includes('[object HTMLScriptElement]'))).to.equal(true);
  });

  it('returning visit (first stage alone): they stay blocked', async () => {
    const key = freshKey('hardening:odd-returning');
    const first = await openPage(page(`key=${key}`));
    (await visibleBannerButton(first, 'accept')).click();
    await waitFor(() => storedRecord(key, first), 'nothing stored');
    closeFrames();
    const win = await openPage(page(`key=${key}&gated=odd`));
    await waitFor(() => win.__ran.length === 2, `gated scripts ran: ${win.__ran}`);
    await sleep(300);
    expect(win.__ran).to.deep.equal(['inline:cookies', 'inline:beacons']);
  });
});
