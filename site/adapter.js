/**
 * A small SvelteKit adapter: writes the server, its manifests and the client assets to
 * `build/`, so that the same server runs under Node locally (functions/local/start.ts) and
 * inside Lambda (functions/src/handlers/site-server.ts, press-server.ts). Static assets go to
 * S3 on AWS.
 *
 * Three manifests: `manifest.js` has every route (the local server, one origin);
 * `manifest-pages.js` every route but the press downloads, and `manifest-press.js` the
 * downloads only. esbuild bundles what a manifest imports, so each Lambda function carries
 * only its own routes (the downloads bring the PNG, XLSX and zip writers).
 */
import { writeFileSync } from 'node:fs';

/** Routes served by the press function: a chart's PNG, SVG, CSV, XLSX, JSON and zip downloads. */
const PRESS_ROUTES = ['/embed/[chart].[ext]'];

/** @returns {import('@sveltejs/kit').Adapter} */
export default function adapter({ out = 'build' } = {}) {
  return {
    name: 'cimade-adapter',
    async adapt(builder) {
      builder.rimraf(out);
      builder.mkdirp(out);
      builder.writeClient(`${out}/client${builder.config.kit.paths.base}`);
      builder.writePrerendered(`${out}/client${builder.config.kit.paths.base}`);
      builder.writeServer(`${out}/server`);

      const missing = PRESS_ROUTES.filter((id) => !builder.routes.some((route) => route.id === id));
      if (missing.length)
        throw new Error(
          `press routes not found: ${missing.join(', ')} (update PRESS_ROUTES in site/adapter.js)`,
        );
      // As generateManifest does without `routes`: prerendered routes are not served.
      const served = builder.routes.filter((route) => route.prerender !== true);
      const press = served.filter((route) => PRESS_ROUTES.includes(route.id));
      const pages = served.filter((route) => !PRESS_ROUTES.includes(route.id));

      const write = (file, manifest, extra = '') =>
        writeFileSync(`${out}/server/${file}`, manifestModule(builder, manifest) + extra);
      write('manifest.js', builder.generateManifest({ relativePath: './' }));
      // The pages function refuses the downloads' paths rather than let `/embed/[chart]` take them.
      write(
        'manifest-pages.js',
        builder.generateManifest({ relativePath: './', routes: pages }),
        `export const elsewhere = [${press.map((route) => String(route.pattern)).join(', ')}];\n`,
      );
      write('manifest-press.js', builder.generateManifest({ relativePath: './', routes: press }));
      builder.log.minor(`Wrote server and client to ${out}/`);
    },
  };
}

/** @param {import('@sveltejs/kit').Builder} builder @param {string} manifest */
function manifestModule(builder, manifest) {
  return (
    `export const manifest = ${manifest};\n` +
    // SvelteKit memoises route nodes but imports the param matchers again on every request:
    // resolved once here, a request does no module resolution.
    `const matchers = manifest._.matchers;\n` +
    `let matched;\n` +
    `manifest._.matchers = () => (matched ??= matchers());\n` +
    `export const prerendered = new Set(${JSON.stringify(builder.prerendered.paths)});\n` +
    `export const base = ${JSON.stringify(builder.config.kit.paths.base)};\n`
  );
}
