/**
 * The host side of the iframe demo: the consent frame runs on the server's other name (127.0.0.1 ↔
 * localhost, same port), and this page mirrors its state through the host helper.
 */
import { connectRazylykFrame } from '../src/host/index.js';
import type { ConsentRecord } from '../src/core/types.js';
import { byId, isBridgeMessage, logLine, setState, showJson, summarize } from './shared.js';

const otherHost = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
const frameOrigin = `${location.protocol}//${otherHost}${location.port ? `:${location.port}` : ''}`;
const framePath = location.pathname.replace(/[^/]*$/, 'consent-frame.html');

byId('host-origin').textContent = location.origin;
byId('frame-origin').textContent = frameOrigin;

const log = byId('host-log');
const frame = byId<HTMLIFrameElement>('consent-frame');
// The query travels along (the tests' ?capture-errors).
frame.src = `${frameOrigin}${framePath}${location.search}`;

const razylyk = connectRazylykFrame({ frame, origin: frameOrigin });

function refresh(record: ConsentRecord | null = razylyk.get()): void {
  showJson(byId('mirror-record'), record);
  const beacons = record?.choices.web_beacons === true;
  setState(byId('host-beacons'), beacons, 'yes', 'no');
}

window.addEventListener('razylyk-change', (event) => {
  setState(byId('bridge-state'), true, 'connected', 'connecting');
  logLine(log, 'razylyk-change', summarize(event.detail));
  refresh();
});
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || !isBridgeMessage(event.data)) return;
  setState(byId('bridge-state'), true, 'connected', 'connecting');
  logLine(log, `message:${event.data.type}`, `from ${event.origin} — ${summarize(event.data.record)}`);
  queueMicrotask(() => refresh());
});

byId('host-preferences').addEventListener('click', () => void razylyk.openPreferences());
byId('host-accept').addEventListener('click', () => void razylyk.acceptAll());
byId('host-reject').addEventListener('click', () => void razylyk.rejectAll());
byId('host-withdraw').addEventListener('click', () => void razylyk.withdraw());
refresh(null);
