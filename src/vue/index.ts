/**
 * razylyk/vue: the elements for Vue. `isCustomElement` tells Vue's template compiler to leave
 * `<razylyk-*>` to the browser (without it Vue warns "Failed to resolve component"), and importing this
 * entry's types declares each element in Vue's `GlobalComponents`, so `vue-tsc --strictTemplates`
 * checks their attributes:
 *
 *   // env.d.ts
 *   import type {} from 'razylyk/vue';
 */
import type { DefineComponent } from 'vue';
import type { RazylykElementProps } from '../ui/element-props.js';

/** For `compilerOptions.isCustomElement` of @vitejs/plugin-vue (or Vue's `app.config.compilerOptions`). */
export const isCustomElement = (tag: string): boolean => tag.startsWith('razylyk-');

/** Every element, from the one list of their markup attributes. */
type RazylykComponents = { [T in keyof RazylykElementProps]: DefineComponent<RazylykElementProps[T]> };

declare module 'vue' {
  /** `<button data-razylyk-open>` opens the preferences (see the README), on any element. */
  interface HTMLAttributes {
    'data-razylyk-open'?: string | boolean;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends RazylykComponents {}
}
