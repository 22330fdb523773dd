import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { mapGeometry } from './vite-map-geometry';

/**
 * In the browser, Svelte's and SvelteKit's runtimes come as one file rather than a dozen small
 * chunks: on a phone, every file a page starts with is a request before the page is interactive.
 */
const framework = (id: string): string | undefined =>
  /\/node_modules\/(svelte|@sveltejs\/kit|devalue|esm-env|clsx)\//.test(id) ? 'framework' : undefined;

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [mapGeometry(), sveltekit()],
  server: { fs: { allow: ['..'] } },
  build: { reportCompressedSize: false, ...(isSsrBuild ? {} : { rollupOptions: { output: { manualChunks: framework } } }) },
}));
