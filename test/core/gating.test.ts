import { expect } from '@open-wc/testing';
import { captureWarnings } from '../helpers/console.js';
import { nextTask, sleep, waitFor } from '../helpers/wait.js';
import { cleanUp, start } from './helpers.js';

declare global {
  interface Window {
    gatedLog?: string[];
  }
}

const FIXTURE = '/test/core/fixtures/gated.js';
const container = () => document.getElementById('gating-area')!;
const log = () => window.gatedLog ?? [];

function gatedScript(
  purposes: string,
  content: { src?: string; text?: string },
  id?: string,
): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.setAttribute('data-consent', purposes);
  if (content.src) script.setAttribute('src', content.src);
  if (content.text) script.text = content.text;
  if (id) script.id = id;
  return script;
}
const external = (purposes: string, name: string) => gatedScript(purposes, { src: `${FIXTURE}?n=${name}` });
const inline = (purposes: string, name: string, id?: string) =>
  gatedScript(
    purposes,
    { text: `(window.gatedLog = window.gatedLog || []).push(${JSON.stringify(name)})` },
    id,
  );

function gatedFrame(purposes: string, src: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.setAttribute('data-consent', purposes);
  frame.setAttribute('data-src', src);
  return frame;
}

describe('gating', () => {
  beforeEach(() => {
    const area = document.createElement('div');
    area.id = 'gating-area';
    document.body.append(area);
    window.gatedLog = [];
  });
  afterEach(() => {
    cleanUp();
    container().remove();
    delete window.gatedLog;
  });

  it('keeps gated scripts inert before consent, then runs each exactly once in document order', async () => {
    container().append(
      external('web_beacons', 'A'),
      inline('web_beacons', 'B'),
      external('web_beacons', 'C'),
      inline('web_beacons', 'D'),
      external('web_beacons', 'E'),
    );
    const consent = start();
    await sleep(150);
    expect(log(), 'before any decision').to.deep.equal([]);

    consent.set({ cookies: true });
    await sleep(150);
    expect(log(), 'after a decision that denies web_beacons').to.deep.equal([]);

    consent.set({ web_beacons: true });
    await waitFor(() => log().length >= 5, 'the five gated scripts', 2000);
    expect(log()).to.deep.equal(['A', 'B', 'C', 'D', 'E']);

    consent.acceptAll();
    await nextTask();
    consent.rejectAll();
    await nextTask();
    consent.acceptAll();
    await sleep(200);
    expect(log(), 'a second acceptAll runs nothing again').to.deep.equal(['A', 'B', 'C', 'D', 'E']);
  });

  it('runs scripts already granted by a stored decision at start-up', async () => {
    const first = start();
    first.acceptAll();
    await nextTask();
    first.destroy();
    container().append(inline('cookies', 'stored'));
    start();
    await nextTask();
    expect(log()).to.deep.equal(['stored']);
  });

  it('needs every purpose named in data-consent', async () => {
    container().append(inline('cookies location', 'both'), external('cookies  location', 'both-ext'));
    const consent = start();
    consent.set({ cookies: true });
    await sleep(150);
    expect(log()).to.deep.equal([]);
    consent.set({ location: true });
    await sleep(150);
    expect(log()).to.deep.equal([]);
    consent.set({ cookies: true, location: true });
    await waitFor(() => log().length >= 2, 'the two gated scripts', 2000);
    expect(log()).to.deep.equal(['both', 'both-ext']);
  });

  it('gates elements added later (MutationObserver), before and after consent', async () => {
    const consent = start();
    container().append(inline('cookies', 'early'));
    await sleep(50);
    expect(log()).to.deep.equal([]);
    consent.set({ cookies: true });
    await nextTask();
    expect(log()).to.deep.equal(['early']);

    const nested = document.createElement('section');
    nested.append(external('cookies', 'late-ext'), inline('cookies', 'late-inline'));
    container().append(nested);
    await waitFor(() => log().length >= 3, 'the scripts added later', 2000);
    expect(log()).to.deep.equal(['early', 'late-ext', 'late-inline']);

    container().append(inline('location', 'not-granted'));
    await sleep(100);
    expect(log()).to.deep.equal(['early', 'late-ext', 'late-inline']);
  });

  it('recreates inline scripts with the configured nonce', async () => {
    container().append(inline('cookies', 'nonced', 'nonced-script'));
    const consent = start({ nonce: 'n0nce-123' });
    consent.acceptAll();
    await nextTask();
    const live = document.getElementById('nonced-script') as HTMLScriptElement;
    expect(log()).to.deep.equal(['nonced']);
    expect(live.type).to.equal('');
    expect(live.nonce).to.equal('n0nce-123');
  });

  it('without config.nonce, uses the nonce of the page’s own scripts', async () => {
    const own = document.createElement('script');
    own.type = 'text/x-page-config';
    own.nonce = 'page-nonce-456';
    own.setAttribute('nonce', 'page-nonce-456');
    container().append(own, inline('cookies', 'page-nonced', 'page-nonced-script'));
    const consent = start();
    consent.acceptAll();
    await nextTask();
    expect(log()).to.deep.equal(['page-nonced']);
    expect((document.getElementById('page-nonced-script') as HTMLScriptElement).nonce).to.equal(
      'page-nonce-456',
    );
  });

  it('never runs a gated script with an unsafe src', async () => {
    container().append(
      gatedScript('cookies', { src: "javascript:(window.gatedLog=window.gatedLog||[]).push('js')" }),
      gatedScript('cookies', { src: "JaVaScRiPt:(window.gatedLog=window.gatedLog||[]).push('js2')" }),
      gatedScript('cookies', {
        src: "data:text/javascript,(window.gatedLog=window.gatedLog||[]).push('data')",
      }),
      inline('cookies', 'after'),
    );
    const consent = start();
    const warnings = captureWarnings();
    consent.acceptAll();
    await sleep(200);
    warnings.restore();
    expect(log()).to.deep.equal(['after']);
    expect(warnings.messages.filter((m) => m.includes('unsafe'))).to.have.length(3);
    expect(container().querySelectorAll('script[type="text/plain"]')).to.have.length(3);
  });

  it('keeps gated iframes without a src until their purposes are granted, then loads them once', async () => {
    const frame = gatedFrame('location', '/test/core/fixtures/frame.html');
    const unsafe = gatedFrame('location', 'javascript:parent.gatedLog.push("frame-js")');
    container().append(frame, unsafe);
    const consent = start();
    consent.set({ cookies: true });
    await sleep(100);
    expect(frame.hasAttribute('src')).to.equal(false);

    const warnings = captureWarnings();
    consent.set({ location: true });
    await nextTask();
    warnings.restore();
    expect(frame.getAttribute('src')).to.equal('/test/core/fixtures/frame.html');
    await waitFor(
      () => frame.contentDocument?.querySelector('p')?.textContent === 'gated frame',
      'the gated frame',
      2000,
    );
    expect(unsafe.hasAttribute('src')).to.equal(false);
    expect(warnings.messages).to.have.length(1);
    expect(log()).to.deep.equal([]);
  });

  it('activates nothing when gating is off', async () => {
    container().append(inline('cookies', 'off'));
    const consent = start({ gating: false });
    consent.acceptAll();
    await sleep(100);
    expect(log()).to.deep.equal([]);
  });

  it('stops watching the page after destroy()', async () => {
    const consent = start();
    consent.acceptAll();
    await nextTask();
    consent.destroy();
    container().append(inline('cookies', 'after-destroy'));
    await sleep(100);
    expect(log()).to.deep.equal([]);
  });
});
