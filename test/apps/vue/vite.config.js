import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    // <razylyk-*> are custom elements, not Vue components: Vue leaves them to the browser.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('razylyk-') } } }),
  ],
});
