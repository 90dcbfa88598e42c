import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
export default {
  // Every page prerendered to build/ (src/routes/+layout.js), which the apps test serves.
  kit: { adapter: adapter() },
};
