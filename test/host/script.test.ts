/** The script-tag build of the host helper (dist/razylyk-host.js, from src/host/script.ts; `npm test` builds it first). */
import { expect } from '@open-wc/testing';
import type { RazylykFrame } from '../../src/host/index.js';
import { closeFrames } from '../helpers/frames.js';
import { HERE, OTHER } from '../helpers/origins.js';
import { ask, frameUrl } from '../bridge/helpers.js';

type HostGlobal = { razylykHost?: { connectRazylykFrame(options: unknown): RazylykFrame } };

describe('host: dist/razylyk-host.js', () => {
  after(closeFrames);

  it('exposes window.razylykHost.connectRazylykFrame, which connects to a consent frame', async () => {
    const script = document.createElement('script');
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    script.src = '/dist/razylyk-host.js';
    document.head.append(script);
    await loaded;
    const host = (window as unknown as HostGlobal).razylykHost;
    expect(host?.connectRazylykFrame).to.be.a('function');
    const razylyk = host!.connectRazylykFrame({ frame: frameUrl([HERE]), origin: OTHER });
    try {
      await razylyk.ready;
      const record = await razylyk.rejectAll();
      expect(record?.method).to.equal('reject_all');
      const frame = razylyk.frame!;
      expect(JSON.parse((await ask(frame)).stored!).id).to.equal(record?.id);
    } finally {
      razylyk.destroy();
    }
  });
});
