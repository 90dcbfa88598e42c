import { expect } from '@open-wc/testing';
import { createConsent } from '../../src/core/controller.js';

describe('smoke', () => {
  it('stores a decision', async () => {
    localStorage.clear();
    const c = createConsent({ consentMode: false });
    c.acceptAll();
    await Promise.resolve();
    const stored = JSON.parse(localStorage.getItem('razylyk:consent')!);
    expect(stored.choices.cookies).to.equal(true);
    c.destroy();
  });
});
