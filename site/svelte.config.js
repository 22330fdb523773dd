import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import adapter from './adapter.js';
import { cspDirectives } from './csp-directives.js';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter(),
    alias: {
      $core: '../functions/src/core',
      $adapters: '../functions/src/adapters',
    },
    // Inline small CSS so a page (and an embed) paints in one round trip.
    inlineStyleThreshold: 8192,
    // SvelteKit hashes its own inline scripts into script-src (see csp-directives.js); the hook
    // adds framing, per path.
    csp: { mode: 'hash', directives: cspDirectives },
  },
};
