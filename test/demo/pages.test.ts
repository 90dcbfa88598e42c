/**
 * Every demo page loads without a console error, an uncaught error or an unhandled rejection (the test
 * server installs the recorder before the page's own scripts; see test/server/middleware.mjs).
 */
import { expect } from '@open-wc/testing';
import type { Razylyk } from '../../src/core/instance.js';
import { closeFrames } from '../helpers/frames.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { loadDemo, type LoadedDemo } from './helpers.js';

type Ready = (demo: LoadedDemo) => unknown;

/** The banner is up, or (another test file on this origin decided meanwhile) no banner is due. */
function uiShown({ win, doc }: LoadedDemo): boolean {
  const razylyk = (win as { razylyk?: Razylyk }).razylyk;
  if (!razylyk) return false;
  return (
    !razylyk.needsDecision() ||
    !!doc.querySelector('razylyk-banner')?.shadowRoot?.querySelector('[data-action=accept]')
  );
}

const PAGES: [string, Ready][] = [
  ['index.html', (demo) => uiShown(demo)],
  ['iframe.html', ({ doc }) => doc.getElementById('bridge-state')?.dataset.state === 'on'],
  ['consent-frame.html', ({ win }) => (win as { razylyk?: unknown }).razylyk],
  ['spa.html', (demo) => uiShown(demo)],
  ['legal-review.html', ({ doc }) => doc.documentElement.dataset.reviewReady === 'true'],
  ['map.html', ({ doc }) => doc.querySelector('svg')],
];

describe('demo pages load without errors', () => {
  afterEach(closeFrames);

  for (const [page, ready] of PAGES) {
    it(page, async () => {
      const demo = await loadDemo(page);
      await waitFor(() => ready(demo), `${page} to be ready`, 20000);
      await sleep(300);
      expect(demo.win.__demoErrors, `errors on ${page}`).to.deep.equal([]);
    });
  }
});

describe('the error recorder of the demo tests', () => {
  afterEach(closeFrames);

  it('records errors thrown and logged by the page', async () => {
    const { win } = await loadDemo('map.html');
    win.setTimeout('throw new Error("boom")' as unknown as () => void);
    (win as unknown as Window & typeof globalThis).console.error('logged');
    await sleep(100);
    expect(win.__demoErrors.join('\n')).to.contain('boom').and.to.contain('logged');
  });
});
