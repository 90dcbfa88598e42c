import { waitUntil } from '@open-wc/testing';
import type { Razylyk } from '../../src/core/instance.js';
import type { ConsentRecord } from '../../src/core/types.js';

/** What test/embed/fixtures/record.js collects in a fixture page from its first script on. */
interface PageLog {
  errors: string[];
  consoleErrors: string[];
  changes: ConsentRecord[];
}

export type FixtureWindow = Window &
  typeof globalThis & { razylyk?: Razylyk; __log: PageLog; __gatedRan?: number; __npmInstance?: Razylyk };

const frames: HTMLIFrameElement[] = [];

/** Opens test/embed/fixtures/<name>.html in a same-origin iframe and resolves once it has loaded. */
export async function openFixture(name: string): Promise<FixtureWindow> {
  const frame = document.createElement('iframe');
  frame.width = '900';
  frame.height = '700';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/test/embed/fixtures/${name}.html`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame.contentWindow as FixtureWindow;
}

export function closeFixtures(): void {
  for (const frame of frames.splice(0)) frame.remove();
}

/** The instance a page holds, found the way every copy of razylyk finds it. */
export function pageInstance(win: Window): Razylyk | undefined {
  return (win as unknown as Record<symbol, Razylyk | undefined>)[Symbol.for('razylyk.instance')];
}

/** URLs of the UI module the page has fetched (resource timing: what went over the network). */
export function uiRequests(win: Window): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => new URL(url).pathname.endsWith('/dist/cdn/ui.js'));
}

export async function waitForBanner(win: Window): Promise<HTMLElement> {
  await waitUntil(() => win.document.querySelector('razylyk-banner'), 'no <razylyk-banner> appeared', {
    timeout: 8000,
  });
  return win.document.querySelector('razylyk-banner') as HTMLElement;
}

/** The banner's "Accept all" button, once rendered and visible to a person. */
export async function visibleAcceptButton(banner: HTMLElement): Promise<HTMLButtonElement> {
  const find = () => banner.shadowRoot?.querySelector<HTMLButtonElement>('[part~="accept"]') ?? null;
  await waitUntil(
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
    { timeout: 8000 },
  );
  return find()!;
}

/** Gives a page time to do what it would do after load (a UI import takes a few milliseconds on loopback). */
export const settle = (ms = 500) => new Promise((resolve) => setTimeout(resolve, ms));

export function clearKeys(...keys: string[]): void {
  for (const key of keys) localStorage.removeItem(key);
}
