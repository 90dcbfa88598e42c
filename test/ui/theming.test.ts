import { expect } from '@open-wc/testing';
import { mount, part, resetPage, settled } from './helpers.js';

const root = document.documentElement.style;

function background(host: Element, selector: string): string {
  return getComputedStyle(part(settled(host), selector)).backgroundColor;
}

describe('theming', () => {
  beforeEach(resetPage);
  afterEach(() => {
    for (const name of ['--razylyk-bg', '--razylyk-accent', '--razylyk-dark-bg']) root.removeProperty(name);
    resetPage();
  });

  it("applies the operator's --razylyk-* in the dark theme when no --razylyk-dark-* is set", async () => {
    root.setProperty('--razylyk-bg', 'rgb(15, 61, 46)');
    root.setProperty('--razylyk-accent', 'rgb(250, 204, 21)');
    const { banner } = await mount({ theme: 'dark' });
    expect(background(banner, '[part="banner"]')).to.equal('rgb(15, 61, 46)');
    expect(background(banner, '[part="accept"]')).to.equal('rgb(250, 204, 21)');
  });

  it('lets --razylyk-dark-* win in the dark theme, and leaves the light theme to --razylyk-*', async () => {
    root.setProperty('--razylyk-bg', 'rgb(15, 61, 46)');
    root.setProperty('--razylyk-dark-bg', 'rgb(1, 2, 3)');
    const { banner } = await mount({ theme: 'dark' });
    expect(background(banner, '[part="banner"]')).to.equal('rgb(1, 2, 3)');
    banner.theme = 'light';
    await banner.updateComplete;
    expect(background(banner, '[part="banner"]')).to.equal('rgb(15, 61, 46)');
  });

  it('keeps the dark defaults without any token', async () => {
    const { banner } = await mount({ theme: 'dark' });
    expect(background(banner, '[part="banner"]')).to.equal('rgb(24, 24, 27)');
  });
});
