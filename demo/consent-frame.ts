/** The consent frame's own panel: what the frame stores, and the bridge traffic it sees. */
import { byId, isBridgeMessage, logLine, setState, showJson, summarize, whenRazylyk } from './shared.js';

const log = byId('frame-log');
byId('own-origin').textContent = location.origin;
byId('allowed').textContent = document.documentElement.getAttribute('data-host-origin') ?? '';

window.addEventListener('message', (event) => {
  if (!isBridgeMessage(event.data)) return;
  const from = event.source === window ? 'this frame' : event.origin;
  logLine(log, `message:${event.data.type}`, `from ${from}`);
});
window.addEventListener('razylyk-change', (event) => logLine(log, 'razylyk-change', summarize(event.detail)));

const razylyk = await whenRazylyk();
function refresh(): void {
  const record = razylyk.get();
  showJson(byId('frame-record'), record);
  setState(byId('frame-state'), record !== null, summarize(record), 'no decision');
}
razylyk.onChange(() => queueMicrotask(refresh));
refresh();
