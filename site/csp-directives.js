/**
 * The Content-Security-Policy of every page, in SvelteKit's `kit.csp.directives` form: read by
 * svelte.config.js (SvelteKit adds the hashes of its own inline scripts to script-src, so no
 * 'unsafe-inline' for scripts), by the server hook (framing per path, the sign-in origin on
 * staff pages) and by the CDK app (the policy CloudFront adds only to an answer that has none).
 * Hashes, not nonces: pages are cached, at the edge and in memory, and a nonce must be new on
 * every answer. Styles keep 'unsafe-inline': Svelte writes style attributes, and small
 * stylesheets are inlined so that a page paints in one round trip.
 */
export const cspDirectives = {
  'default-src': ['self'],
  'script-src': ['self'],
  'style-src': ['self', 'unsafe-inline'],
  'img-src': ['self', 'data:', 'blob:'],
  'font-src': ['self', 'data:'],
  'connect-src': ['self'],
  'form-action': ['self'],
  'base-uri': ['self'],
  'object-src': ['none'],
};

const keywords = new Set([
  'self',
  'none',
  'unsafe-inline',
  'unsafe-eval',
  'strict-dynamic',
  'unsafe-hashes',
  'report-sample',
  'wasm-unsafe-eval',
]);

/** One source as a header writes it: keywords and hashes quoted, hosts and schemes as they are. */
export const quoteSource = (source) =>
  keywords.has(source) || /^(sha\d{3}|nonce)-/.test(source) ? `'${source}'` : source;

/** The directives as a header value. */
export const renderCsp = (directives) =>
  Object.entries(directives)
    .map(([name, sources]) => (sources === true ? name : [name, ...sources.map(quoteSource)].join(' ')))
    .join('; ');
