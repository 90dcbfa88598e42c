import { resolve } from 'node:path';

/** @type {import('next').NextConfig} */
export default {
  // A static export: `next build` prerenders the page into out/, which the apps test serves.
  output: 'export',
  // Next.js and React resolve from the repository's node_modules, razylyk from test/apps/node_modules.
  turbopack: { root: resolve(import.meta.dirname, '../../..') },
};
