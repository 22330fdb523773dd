/**
 * A small SvelteKit adapter: writes the server, its manifest and the client assets to
 * `build/`, so that the same server runs under Node locally (functions/local/start.ts) and
 * inside Lambda (functions/src/handlers/site-server.ts). Static assets go to S3 on AWS.
 */
import { writeFileSync } from 'node:fs';

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
      // SvelteKit memoises route nodes but imports the param matchers again on every request:
      // resolved once here, a request does no module resolution.
      writeFileSync(
        `${out}/server/manifest.js`,
        `export const manifest = ${builder.generateManifest({ relativePath: './' })};\n` +
          `const matchers = manifest._.matchers;\n` +
          `let matched;\n` +
          `manifest._.matchers = () => (matched ??= matchers());\n` +
          `export const prerendered = new Set(${JSON.stringify(builder.prerendered.paths)});\n` +
          `export const base = ${JSON.stringify(builder.config.kit.paths.base)};\n`,
      );
      builder.log.minor(`Wrote server and client to ${out}/`);
    },
  };
}
