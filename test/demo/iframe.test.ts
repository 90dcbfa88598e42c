/** The iframe demo: the host page mirrors the consent frame on the other loopback origin, both ways. */
import { expect } from '@open-wc/testing';
import { closeFrames } from '../helpers/frames.js';
import { waitFor } from '../helpers/wait.js';
import { loadDemo } from './helpers.js';

describe('demo/iframe.html bridge', () => {
  afterEach(closeFrames);

  it('loads the consent frame from the other origin and mirrors decisions made from the host', async () => {
    const { doc } = await loadDemo('iframe.html');
    const frame = doc.getElementById('consent-frame') as HTMLIFrameElement;
    expect(new URL(frame.src).origin).not.to.equal(location.origin);
    expect(new URL(frame.src).port).to.equal(location.port);
    await waitFor(() => doc.getElementById('bridge-state')!.dataset.state === 'on', 'the handshake', 20000);

    doc.getElementById('host-accept')!.click();
    await waitFor(
      () => doc.getElementById('host-beacons')!.dataset.state === 'on',
      'the mirrored decision',
      15000,
    );
    const mirrored = JSON.parse(doc.getElementById('mirror-record')!.textContent!);
    expect(mirrored.method).to.equal('accept_all');
    expect(doc.getElementById('host-log')!.textContent).to.contain('razylyk-change');

    doc.getElementById('host-withdraw')!.click();
    await waitFor(
      () => doc.getElementById('host-beacons')!.dataset.state === 'off',
      'the mirrored withdrawal',
      15000,
    );
    // The decision lives in the frame's origin, never in the host's storage.
    expect(localStorage.getItem('razylyk:consent')).to.equal(null);
  });
});
