/**
 * Only CloudFront may reach the functions: the distribution adds a secret header to every
 * request it sends to the HTTP API (infra/lib/edge-secret.ts), and each handler refuses a
 * request without it, so the bare execute-api endpoint — no cache, no HSTS, no CSP — answers
 * 403. Without `EDGE_SECRET` (locally, in tests) nothing is checked.
 */
import { timingSafeEqual } from 'node:crypto';

export const EDGE_HEADER = 'x-origin-verify';

interface EdgeEvent {
  headers?: Record<string, string | undefined>;
}

const forbidden = {
  statusCode: 403,
  headers: { 'content-type': 'application/json; charset=UTF-8', 'cache-control': 'no-store' },
  body: JSON.stringify({
    code: 'FORBIDDEN',
    message: 'Use the site address: this endpoint serves CloudFront only.',
  }),
  isBase64Encoded: false,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fromEdgeOnly<H extends (event: any, ...rest: any[]) => Promise<any>>(
  handler: H,
  secret = process.env.EDGE_SECRET,
): H {
  if (!secret) return handler;
  const expected = Buffer.from(secret);
  const guarded = async (event: EdgeEvent, ...rest: unknown[]) => {
    const given = Buffer.from(event.headers?.[EDGE_HEADER] ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return forbidden;
    // The secret stops here: the apps never see it, so none can echo it.
    const { [EDGE_HEADER]: _, ...headers } = event.headers ?? {};
    return handler({ ...event, headers }, ...rest);
  };
  return guarded as H;
}
