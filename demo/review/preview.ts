/**
 * Live previews of the banner and the preferences dialog in any language, layout and theme. The page's
 * instance uses a storage key of its own, so previews never touch a real decision, and every decision
 * taken in a preview is withdrawn again so the banner comes back.
 */
import type { Razylyk } from '../../src/core/instance.js';
import { LANGUAGES } from '../../src/i18n/languages.js';
import { h } from './dom.js';

const LAYOUTS = ['bar', 'box', 'modal'] as const;
const THEMES = ['light', 'dark', 'auto'] as const;

function select(
  id: string,
  label: string,
  options: readonly { value: string; text: string }[],
): HTMLLabelElement {
  return h(
    'label',
    {},
    `${label} `,
    h(
      'select',
      { id },
      options.map((o) => h('option', { value: o.value }, o.text)),
    ),
  );
}

export function renderPreview(instance: Razylyk): HTMLElement {
  const stage = h('div', { class: 'preview-stage', id: 'preview-stage' });
  const status = h('p', { class: 'note', id: 'preview-status', role: 'status' });
  const controls = h(
    'div',
    { class: 'preview-controls no-print' },
    select(
      'preview-lang',
      'Language',
      LANGUAGES.map((l) => ({ value: l.code, text: `${l.nativeName} (${l.code})` })),
    ),
    select(
      'preview-layout',
      'Layout',
      LAYOUTS.map((l) => ({ value: l, text: l })),
    ),
    select(
      'preview-theme',
      'Theme',
      THEMES.map((t) => ({ value: t, text: t })),
    ),
    h('button', { type: 'button', id: 'preview-preferences' }, 'Show the preferences dialog'),
  );
  const read = (id: string) => (controls.querySelector(`#${id}`) as HTMLSelectElement).value;

  function update(): void {
    const lang = read('preview-lang');
    const banner = document.createElement('razylyk-banner');
    banner.setAttribute('lang', lang);
    banner.setAttribute('layout', read('preview-layout'));
    banner.setAttribute('theme', read('preview-theme'));
    const preferences = document.createElement('razylyk-preferences');
    preferences.setAttribute('lang', lang);
    preferences.setAttribute('theme', read('preview-theme'));
    stage.replaceChildren(banner, preferences);
    status.textContent = `Banner: ${lang}, ${read('preview-layout')}, ${read('preview-theme')}.`;
  }

  controls.addEventListener('change', update);
  controls.querySelector('#preview-preferences')!.addEventListener('click', (event) => {
    void stage.querySelector('razylyk-preferences')?.show(event.currentTarget as Element);
  });
  instance.onChange(() => {
    if (instance.needsDecision()) return;
    status.textContent = `Preview decision recorded (${instance.get()?.method}); resetting the preview…`;
    setTimeout(() => instance.withdraw(), 1200);
  });
  update();
  return h('div', { class: 'preview' }, controls, status, stage);
}
