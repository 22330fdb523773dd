import { describe, expect, it } from 'vitest';
import { EDGE_HEADER, fromEdgeOnly } from './edge-guard';

const echo = async (event: { headers?: Record<string, string | undefined> }) => ({
  statusCode: 200,
  body: JSON.stringify(event.headers),
});

describe('fromEdgeOnly', () => {
  const guarded = fromEdgeOnly(echo, 's3cret-from-the-stack');

  it('answers 403, never stored, to a request without the edge header or with a wrong one', async () => {
    for (const headers of [{}, { [EDGE_HEADER]: 'guess' }, { [EDGE_HEADER]: 's3cret-from-the-stacK' }]) {
      const res = (await guarded({ headers })) as { statusCode: number; headers?: Record<string, string> };
      expect(res.statusCode).toBe(403);
      expect(res.headers?.['cache-control']).toBe('no-store');
    }
  });

  it('passes a request from CloudFront on, without the secret', async () => {
    const res = await guarded({ headers: { [EDGE_HEADER]: 's3cret-from-the-stack', accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ accept: 'text/html' });
  });

  it('checks nothing where no secret is configured (locally)', async () => {
    expect(fromEdgeOnly(echo, undefined)).toBe(echo);
    expect(fromEdgeOnly(echo, '')).toBe(echo);
  });
});
