/** The script-tag tests' fixture pages (test/embed/fixtures), loading the BUILT dist/razylyk.js. */
import type { Razylyk } from '../../src/core/instance.js';
import { CONTRACT_KEY, type PageContract } from '../../src/core/page-contract.js';
import type { ConsentRecord } from '../../src/core/types.js';
import { closeFrames, openFrame } from '../helpers/frames.js';
import { clearKeys } from '../helpers/storage.js';
import { waitFor } from '../helpers/wait.js';

/** What test/embed/fixtures/record.js collects in a fixture page from its first script on. */
interface PageLog {
  errors: string[];
  consoleErrors: string[];
  changes: ConsentRecord[];
}

export type FixtureWindow = Window &
  typeof globalThis & { razylyk?: Razylyk; __log: PageLog; __gatedRan?: number; __npmInstance?: Razylyk };

/** Opens test/embed/fixtures/<name>.html in a same-origin iframe and resolves once it has loaded. */
export async function openFixture(name: string): Promise<FixtureWindow> {
  const frame = await openFrame(`/test/embed/fixtures/${name}.html`, { width: 900, height: 700 });
  return frame.contentWindow as FixtureWindow;
}

/** The full instance once the engine has started in `win` and taken over `window.razylyk`. */
export async function instanceOf(win: FixtureWindow): Promise<Razylyk> {
  await waitFor(
    () => pageInstance(win) && win.razylyk === pageInstance(win),
    'the engine did not start',
    8000,
  );
  return pageInstance(win)!;
}

/**
 * A decision made on a first visit to `fixture`, as an earlier page view would have made it; the frame
 * is closed. Resolves once this page has heard the write's storage event: Chromium tells same-origin
 * pages of a write when the browser process reports it, so a frame opened right after could hear it
 * late and take it for another tab deciding (seen once in CI: a returning visit loaded the engine).
 */
export async function seedDecision(
  fixture: string,
  storageKey: string,
  decide: (razylyk: Razylyk) => ConsentRecord,
): Promise<ConsentRecord> {
  clearKeys(storageKey);
  const first = await openFixture(fixture);
  const razylyk = await instanceOf(first);
  let heard = false;
  const hear = (event: StorageEvent) => (heard ||= event.key === storageKey && event.newValue !== null);
  addEventListener('storage', hear);
  try {
    const record = decide(razylyk);
    // Heard means stored: the event carries the write's new value.
    await waitFor(() => heard, 'the first visit stored nothing (no storage event reached this page)', 3000);
    return record;
  } finally {
    removeEventListener('storage', hear);
    closeFrames();
  }
}

/** The instance a page holds, found the way every copy of razylyk finds it. */
export function pageInstance(win: Window): Razylyk | undefined {
  return (win as unknown as Record<symbol, PageContract | undefined>)[Symbol.for(CONTRACT_KEY)]?.instance;
}

/** URLs of the UI module the page has fetched (resource timing: what went over the network). */
export function uiRequests(win: Window): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => new URL(url).pathname.endsWith('/dist/cdn/ui.js'));
}

export async function waitForBanner(win: Window): Promise<HTMLElement> {
  await waitFor(() => win.document.querySelector('razylyk-banner'), 'no <razylyk-banner> appeared', 8000);
  return win.document.querySelector('razylyk-banner') as HTMLElement;
}

/**
 * The banner's "Accept all" button, once rendered and laid out. Looser than test/helpers/page-ui.ts's
 * `visibleBannerButton` (which also wants it opaque, finishing entrance animations first).
 */
export async function visibleAcceptButton(banner: HTMLElement): Promise<HTMLButtonElement> {
  const find = () => banner.shadowRoot?.querySelector<HTMLButtonElement>('[part~="accept"]') ?? null;
  await waitFor(
    () => {
      const button = find();
      if (!button) return false;
      const box = button.getBoundingClientRect();
      return (
        box.width > 0 &&
        box.height > 0 &&
        button.ownerDocument.defaultView!.getComputedStyle(button).visibility !== 'hidden'
      );
    },
    'the banner shows no visible Accept all button',
    8000,
  );
  return find()!;
}
