import { defineConfig } from 'vite';
import razylyk from 'razylyk/vite';

// Ships razylyk.js with cdn/ under /razylyk/ and adds the script tag to index.html.
export default defineConfig({
  plugins: [razylyk({ attributes: { 'data-lang': 'en' } })],
});
