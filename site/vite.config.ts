import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { compileHints } from './vite-compile-hints';
import { mapGeometry } from './vite-map-geometry';

/**
 * Svelte's and SvelteKit's runtimes as one chunk rather than a dozen small ones: on a phone,
 * every file a page starts with is a request before the page is interactive. (The server's
 * build gets the same chunk; it makes no difference there.)
 */
const framework = (id: string): string | undefined =>
  /\/node_modules\/(svelte|@sveltejs\/kit|devalue|esm-env|clsx)\//.test(id) ? 'framework' : undefined;

export default defineConfig({
  plugins: [mapGeometry(), sveltekit(), compileHints()],
  server: { fs: { allow: ['..'] } },
  build: { reportCompressedSize: false, rollupOptions: { output: { manualChunks: framework } } },
});
