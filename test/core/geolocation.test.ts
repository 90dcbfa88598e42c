/**
 * The guard binds the API it finds when it installs (once per page), so the browser's own
 * getCurrentPosition/watchPosition are replaced by recorders before any controller exists: a call
 * reaching a recorder is a call that would have reached the browser (and its permission prompt).
 */
import { expect } from '@open-wc/testing';
import { nextTask, sleep } from '../helpers/wait.js';
import { cleanUp, KEY, start } from './helpers.js';

type Call = { api: string; ok: unknown; error: unknown; options: unknown };
const reached: Call[] = [];
const proto = Geolocation.prototype;
const originals = { getCurrentPosition: proto.getCurrentPosition, watchPosition: proto.watchPosition };
proto.getCurrentPosition = function (ok, error, options) {
  reached.push({ api: 'getCurrentPosition', ok, error, options });
};
proto.watchPosition = function (ok, error, options) {
  reached.push({ api: 'watchPosition', ok, error, options });
  return 42;
};

function ask(): Promise<{ code?: number; position?: unknown; reachedBrowser: boolean }> {
  const before = reached.length;
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ position, reachedBrowser: true }),
      (error) => resolve({ code: error.code, reachedBrowser: reached.length > before }),
    );
    // The recorder never answers: settle the promise if the browser was reached.
    setTimeout(() => resolve({ reachedBrowser: reached.length > before }), 100);
  });
}

describe('geolocation guard', () => {
  after(() => {
    proto.getCurrentPosition = originals.getCurrentPosition;
    proto.watchPosition = originals.watchPosition;
  });
  afterEach(() => {
    cleanUp();
    reached.length = 0;
  });

  it('answers PERMISSION_DENIED without reaching the browser before location is granted', async () => {
    const consent = start();
    const answer = await ask();
    expect(answer).to.deep.equal({ code: 1, reachedBrowser: false });
    consent.set({ cookies: true, web_beacons: true, ad_personalization: true });
    expect(await ask()).to.deep.equal({ code: 1, reachedBrowser: false });
    expect(reached).to.deep.equal([]);
  });

  it('the denial is asynchronous and is a GeolocationPositionError with its constants', async () => {
    start();
    let error: GeolocationPositionError | undefined;
    navigator.geolocation.getCurrentPosition(
      () => undefined,
      (e) => (error = e),
    );
    expect(error).to.equal(undefined);
    await nextTask();
    await nextTask();
    expect(error?.code).to.equal(error?.PERMISSION_DENIED);
    expect(error?.code).to.equal(1);
    expect(error).to.be.instanceOf(GeolocationPositionError);
    expect(error?.message).to.equal('razylyk: no consent for location');
  });

  it('watchPosition is denied too, and returns a watch id', async () => {
    start();
    let code: number | undefined;
    const id = navigator.geolocation.watchPosition(
      () => undefined,
      (e) => (code = e.code),
    );
    await sleep(20);
    expect(typeof id).to.equal('number');
    expect(code).to.equal(1);
    expect(reached).to.deep.equal([]);
  });

  it('calls the browser API, with the same arguments, once location is granted', async () => {
    const consent = start();
    consent.set({ location: true });
    const ok = () => undefined;
    const onError = () => undefined;
    const options = { enableHighAccuracy: true };
    navigator.geolocation.getCurrentPosition(ok, onError, options);
    const watchId = navigator.geolocation.watchPosition(ok, onError, options);
    expect(reached).to.deep.equal([
      { api: 'getCurrentPosition', ok, error: onError, options },
      { api: 'watchPosition', ok, error: onError, options },
    ]);
    expect(watchId).to.equal(42);

    consent.set({ location: false });
    expect(await ask()).to.deep.equal({ code: 1, reachedBrowser: false });
  });

  it('is installed once per page', () => {
    start();
    const guarded = navigator.geolocation.getCurrentPosition;
    start();
    expect(navigator.geolocation.getCurrentPosition).to.equal(guarded);
    // The mark is a registry symbol, invisible to the page's own enumeration.
    expect(Object.keys(navigator.geolocation)).to.deep.equal([]);
  });

  it('follows the live controller, not the first one that installed it', async () => {
    const first = start();
    first.acceptAll();
    await nextTask();
    first.destroy();
    localStorage.removeItem(KEY);
    const second = start();
    expect(second.needsDecision()).to.equal(true);
    expect(await ask()).to.deep.equal({ code: 1, reachedBrowser: false });
    second.set({ location: true });
    expect((await ask()).reachedBrowser).to.equal(true);
  });

  it('denies again after the controller is destroyed', async () => {
    const consent = start();
    consent.acceptAll();
    consent.destroy();
    expect(await ask()).to.deep.equal({ code: 1, reachedBrowser: false });
  });
});
