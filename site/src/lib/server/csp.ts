/**
 * The Content-Security-Policy header of an answer, from the one SvelteKit wrote (its own
 * inline scripts hashed into script-src, `kit.csp` in svelte.config.js), the same locally and
 * on AWS, where CloudFront keeps it (infra/lib/cdn-policies.ts).
 */
import { createHash } from 'node:crypto';
import { quoteSource, renderCsp } from '../../../csp-directives.js';
import { childResizeSource } from '$lib/press/child-resize';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/** The embeds' one inline script (their height, for the host page), allowed by its hash. */
export const childResizeHash = sha256(childResizeSource);

export interface CspOptions {
  /** `*` on embeds, `'none'` elsewhere. */
  readonly frameAncestors: string;
  /** Where staff sign in, when it is another origin (Cognito's hosted pages): their token request and form. */
  readonly signInOrigin?: string;
  /** Whether the site is served over https (every AWS answer): subresources then never go over http. */
  readonly https: boolean;
  /** Extra script hashes, for a page's own inline script. */
  readonly scriptHashes?: readonly string[];
}

function parse(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * SvelteKit's policy (absent on endpoints: downloads, oEmbed) with this answer's framing, the
 * sign-in origin where it is needed, and upgrade-insecure-requests over https.
 */
export function answerCsp(kitHeader: string | null, options: CspOptions): string {
  if (!kitHeader) return `frame-ancestors ${options.frameAncestors}`;
  const directives = parse(kitHeader);
  const add = (name: string, sources: readonly string[]) => {
    const list = directives.get(name);
    if (list) for (const s of sources) if (!list.includes(s)) list.push(s);
  };
  if (options.signInOrigin) {
    add('connect-src', [options.signInOrigin]);
    add('form-action', [options.signInOrigin]);
  }
  add('script-src', (options.scriptHashes ?? []).map(quoteSource));
  directives.set('frame-ancestors', [options.frameAncestors]);
  if (options.https) directives.set('upgrade-insecure-requests', []);
  else directives.delete('upgrade-insecure-requests');
  return renderCsp(
    Object.fromEntries([...directives].map(([name, sources]) => [name, sources.length ? sources : true])),
  );
}
