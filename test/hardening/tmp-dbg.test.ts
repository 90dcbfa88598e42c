import { closeFrames } from '../helpers/frames.js';
import { pageQuery, shadowPart, visibleBannerButton } from '../helpers/page-ui.js';
import { freshKey } from '../helpers/storage.js';
import { instanceOf, openPage } from './helpers.js';
describe('dbg', () => {
  afterEach(closeFrames);
  it('widest', async () => {
    const win = await openPage(`real-page.html?key=${freshKey('hardening:dbg')}&longtext`, {
      width: 320,
      height: 640,
    });
    await visibleBannerButton(win, 'accept');
    const razylyk = await instanceOf(win);
    await razylyk.openPreferences();
    const prefs = () => pageQuery(win, 'razylyk-preferences');
    await shadowPart(prefs, '[part~="save"]');
    const all = Array.from(prefs()!.shadowRoot!.querySelectorAll('*')) as HTMLElement[];
    const wide = all
      .map(
        (e) =>
          [
            e.localName + '.' + e.className + '[' + (e.getAttribute('part') ?? '') + ']',
            Math.round(e.getBoundingClientRect().width),
            e.scrollWidth,
          ] as const,
      )
      .filter((x) => x[1] > 320 || x[2] > 320);
    console.log(JSON.stringify(wide.slice(0, 25)));
  });
});
