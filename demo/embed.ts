/**
 * The script tag, as the demo pages run it: the same steps as src/embed/first-stage.ts (read the data-
 * attributes and window.razylykConfig, create the page's instance, expose window.razylyk, connect the
 * lazy UI), except that the UI is imported through the bundler instead of from `cdn/ui.js` beside the
 * built loader. A module script has no document.currentScript, so the tag is found by its marker.
 */
import { getRazylyk, peekRazylyk, type PageRazylyk } from '../src/core/instance.js';
import { readConfig } from '../src/core/config.js';
import { connectUi } from '../src/embed/ui-loader.js';

const script = document.querySelector<HTMLScriptElement>('script[data-razylyk-tag]');
const instance = peekRazylyk() ?? getRazylyk(readConfig(script, window.razylykConfig));
window.razylyk = instance as unknown as PageRazylyk;
connectUi(instance, () => import('../src/ui/mount.js'));
