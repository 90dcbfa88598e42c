import { expect } from '@open-wc/testing';
import { getRazylyk, resetRazylyk } from '../../src/core/instance.js';
import { connectUi } from '../../src/embed/ui-loader.js';
import { FALLBACK_ATTRIBUTE } from '../../src/embed/fallback.js';
import { loadCauses } from '../../src/embed/load-error.js';
import { captureConsole } from '../helpers/console.js';
import { waitFor } from '../helpers/wait.js';

const KEY = 'embed-test:load-error';

describe('embed/load-error', () => {
  let consoleErrors: ReturnType<typeof captureConsole>;
  let errors: string[];
  beforeEach(() => {
    localStorage.removeItem(KEY);
    consoleErrors = captureConsole('error');
    errors = consoleErrors.messages;
  });
  afterEach(() => {
    consoleErrors.restore();
    for (const element of document.querySelectorAll(`[${FALLBACK_ATTRIBUTE}]`)) element.remove();
    resetRazylyk();
    localStorage.removeItem(KEY);
  });

  it('names CORS, and the origin that must allow it, for a module of another origin', () => {
    expect(loadCauses('https://cdn.example/razylyk/cdn/ui.js')).to.equal(
      'network, CSP, or CORS: https://cdn.example must send Access-Control-Allow-Origin for its modules',
    );
  });

  it('names only the network and CSP for a module of this origin, or an unknown one', () => {
    expect(loadCauses(new URL('/cdn/ui.js', location.href).href)).to.equal('network or CSP');
    expect(loadCauses('cdn/ui.js')).to.equal('network or CSP');
    expect(loadCauses(undefined)).to.equal('network or CSP');
  });

  it('reports a failed cross-origin UI load with CORS as a likely cause', async () => {
    resetRazylyk();
    const instance = getRazylyk({
      storageKey: KEY,
      consentMode: false,
      gating: false,
      geolocationGuard: false,
    });
    // The browser's own error for a module refused by CORS.
    const refused = async () => {
      throw new TypeError('Failed to fetch dynamically imported module: https://cdn.example/cdn/ui.js');
    };
    connectUi(instance, refused, {}, 'https://cdn.example/cdn/ui.js');
    await waitFor(() => errors.length > 0, 'no error was reported', 1000);
    expect(errors[0]).to.contain(
      '[razylyk] The razylyk UI could not be loaded (network, CSP, or CORS: https://cdn.example',
    );
  });
});
