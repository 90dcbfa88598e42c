import { defineConfig } from 'vite';

// No plugin-react: Vite's own transform compiles JSX with React's automatic runtime.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
});
