/**
 * The sample website's live panels: the stored record, the event log, the state of each gated
 * example, and buttons that drive `window.razylyk` (the instance the script tag created).
 */
import type { LanguageTag } from '../src/core/types.js';
import { LANGUAGES } from '../src/i18n/languages.js';
import { byId, isBridgeMessage, logLine, setState, showJson, summarize, whenRazylyk } from './shared.js';

const DEMO_COOKIE = 'qiming_demo_prefs';

const log = byId('log');
const recordView = byId('record');
const languageSelect = byId<HTMLSelectElement>('language');

function showCookie(): void {
  const cookies = document.cookie;
  const present = cookies.split(';').some((pair) => pair.trim().startsWith(`${DEMO_COOKIE}=`));
  byId('cookie-value').textContent = cookies || '(empty)';
  setState(byId('cookie-state'), present, 'cookie set', 'no cookie');
}

function showMap(): void {
  const map = byId<HTMLIFrameElement>('map');
  setState(
    byId('map-state'),
    map.hasAttribute('data-consent-activated'),
    'map loaded',
    'waiting for consent',
  );
}

for (const language of LANGUAGES) {
  const option = document.createElement('option');
  option.value = language.code;
  option.textContent = language.nativeName;
  option.lang = language.code;
  languageSelect.append(option);
}

window.addEventListener('razylyk-change', (event) => {
  logLine(log, 'razylyk-change', summarize(event.detail));
});
window.addEventListener('message', (event) => {
  if (!isBridgeMessage(event.data)) return;
  logLine(log, `message:${event.data.type}`, `from ${event.origin} — ${summarize(event.data.record)}`);
});
window.addEventListener('qiming-demo-cookie', showCookie);
byId('map').addEventListener('load', showMap);

const razylyk = await whenRazylyk();
const storageKey = razylyk.config.storageKey ?? 'razylyk:consent';
byId('storage-key').textContent = storageKey;

function refresh(): void {
  showJson(recordView, razylyk.get());
  showCookie();
  showMap();
  if (razylyk.language) languageSelect.value = razylyk.language;
}

razylyk.onChange(() => queueMicrotask(refresh));
// The UI settles the language after it loads (detection, or the visitor's pick inside the banner).
setInterval(() => {
  if (razylyk.language && languageSelect.value !== razylyk.language) languageSelect.value = razylyk.language;
}, 500);
window.addEventListener('storage', refresh);
refresh();

byId('accept-all').addEventListener('click', () => razylyk.acceptAll());
byId('reject-all').addEventListener('click', () => razylyk.rejectAll());
byId('withdraw').addEventListener('click', () => razylyk.withdraw());
languageSelect.addEventListener('change', () => {
  // The select's options are LANGUAGES' codes.
  void razylyk.setLanguage(languageSelect.value as LanguageTag);
  logLine(log, 'setLanguage', languageSelect.value);
});
