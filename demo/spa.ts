/** The npm path, as an SPA uses it: import, start, render from the API and the change events. */
import { startRazylyk } from '../src/index.js';
import type { ConsentRecord } from '../src/core/types.js';
import { byId, logLine, showJson, summarize } from './shared.js';

const razylyk = startRazylyk({ layout: 'box', theme: 'auto' });
const log = byId('spa-log');

function render(record: ConsentRecord | null): void {
  showJson(byId('spa-record'), record);
  const list = byId('spa-purposes');
  list.replaceChildren(
    ...razylyk.purposes.map((purpose) => {
      const item = document.createElement('li');
      const granted = razylyk.has(purpose.id);
      item.textContent = `${purpose.id}: ${granted ? 'granted' : 'not granted'}`;
      item.dataset.granted = String(granted);
      return item;
    }),
  );
}

razylyk.onChange((record) => {
  logLine(log, 'onChange', summarize(record));
  render(razylyk.get());
});
byId('spa-preferences').addEventListener('click', () => void razylyk.openPreferences());
byId('spa-withdraw').addEventListener('click', () => razylyk.withdraw());
render(razylyk.get());
