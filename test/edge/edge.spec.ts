/**
 * The edge as AWS reads the synthesized CloudFormation: `cdk synth` once (bundles included),
 * then requests routed the way CloudFront and the HTTP API would route them (test/edge/edge.ts)
 * into the bundled functions, run under Node 24 against dynalite seeded from data/. Per path:
 * status, whether and how long CloudFront would keep the answer, security headers, bodies.
 * The site must be built first (`npm test` builds it).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../functions/local/seed';
import { startDynalite, type RunningStore } from '../../functions/local/stores';
import { ROOT } from '../support/bundle';
import { freshTable } from '../support/stores';
import { DISTRIBUTION_DOMAIN, Edge, NODE24, type EdgeAnswer } from './edge';

const run = promisify(execFile);
const STACK = 'CimadeEnChiffres-staging';
const DAY = 86_400;
const NOTICE = 'data-stale-notice';

/** `cdk synth` as `npm run synth` runs it, with no AWS configuration at all. */
async function synth(outdir: string): Promise<void> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(AWS_|CDK_)/.test(k)));
  await run('npx', ['cdk', 'synth', '--quiet', '--no-notices', '-o', outdir], {
    cwd: ROOT,
    env: {
      ...env,
      AWS_CONFIG_FILE: join(outdir, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(outdir, 'no-aws-credentials'),
    },
    maxBuffer: 64 * 1024 * 1024,
  });
}

const scriptSrc = (answer: EdgeAnswer) =>
  /script-src ([^;]+)/.exec(answer.headers['content-security-policy'] ?? '')?.[1] ?? '';
const frameAncestors = (answer: EdgeAnswer) =>
  /frame-ancestors ([^;]+)/.exec(answer.headers['content-security-policy'] ?? '')?.[1];

describe('the edge, from the synthesized template', () => {
  let assembly: string;
  let store: RunningStore;
  let edge: Edge;

  beforeAll(async () => {
    assembly = mkdtempSync(join(tmpdir(), 'cimade-edge-'));
    store = await startDynalite();
    const [{ config, repo }] = await Promise.all([freshTable(store), synth(assembly)]);
    await seed(repo);
    edge = new Edge({
      assembly,
      stackName: STACK,
      tableName: config.tableName,
      dynamodbEndpoint: store.endpoint,
    });
  }, 240_000);

  afterAll(async () => {
    edge?.stop();
    await store?.stop();
    if (assembly) rmSync(assembly, { recursive: true, force: true });
  });

  const get = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
    edge.fetch({ url, ...init, headers: { 'accept-encoding': 'gzip, br', ...init.headers } });

  describe('the template', () => {
    it('targets eu-west-3, whatever the CLI falls back to without AWS configuration', () => {
      const text = JSON.stringify(edge.template);
      expect(text).toContain('.execute-api.eu-west-3.');
      expect(text).not.toContain('us-east-1');
    });

    it('lets CloudWatch alarms publish to the alarm topic, and sums table metrics with FILL', () => {
      const resources = Object.values(edge.template.Resources);
      const statements = resources
        .filter((r) => r.Type === 'AWS::SNS::TopicPolicy')
        .flatMap(
          (r) =>
            (
              r.Properties.PolicyDocument as {
                Statement: { Effect: string; Principal?: { Service?: string }; Action: string }[];
              }
            ).Statement,
        );
      expect(
        statements.some(
          (s) =>
            s.Effect === 'Allow' &&
            s.Principal?.Service === 'cloudwatch.amazonaws.com' &&
            s.Action === 'sns:Publish',
        ),
      ).toBe(true);
      const tableAlarms = resources.filter(
        (r) => r.Type === 'AWS::CloudWatch::Alarm' && JSON.stringify(r.Properties).includes('AWS/DynamoDB'),
      );
      expect(tableAlarms.length).toBe(2);
      for (const alarm of tableAlarms) {
        const expression =
          (alarm.Properties.Metrics as { Expression?: string }[]).find((m) => m.Expression)?.Expression ?? '';
        expect(expression).toMatch(/^FILL\(\w+, 0\)( \+ FILL\(\w+, 0\))+$/);
      }
    });

    it('requires TOTP of every staff member', () => {
      const pool = Object.values(edge.template.Resources).find((r) => r.Type === 'AWS::Cognito::UserPool');
      expect(pool?.Properties).toMatchObject({ MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
    });

    it('runs the bundles under the runtime the functions declare', async () => {
      const runtimes = Object.values(edge.template.Resources).filter(
        (r) => r.Type === 'AWS::Lambda::Function' && String(r.Properties.Runtime).startsWith('nodejs'),
      );
      expect(new Set(runtimes.map((r) => r.Properties.Runtime))).toEqual(new Set(['nodejs24.x']));
      expect((await run(NODE24, ['--version'])).stdout.trim()).toMatch(/^v24\./);
    });
  });

  describe('public answers are kept at the edge; staff and stale ones never', () => {
    it.each<[string, { status: number; type: RegExp; cachedFor: number; frame: string; by: RegExp }]>([
      ['/', { status: 200, type: /^text\/html/, cachedFor: DAY, frame: "'none'", by: /^api:\$default$/ }],
      ['/en', { status: 200, type: /^text\/html/, cachedFor: DAY, frame: "'none'", by: /^api:\$default$/ }],
      [
        '/personnes?year=2016',
        { status: 200, type: /^text\/html/, cachedFor: DAY, frame: "'none'", by: /^api:\$default$/ },
      ],
      [
        '/en/regions',
        { status: 200, type: /^text\/html/, cachedFor: DAY, frame: "'none'", by: /^api:\$default$/ },
      ],
      [
        '/embed/tendances',
        { status: 200, type: /^text\/html/, cachedFor: DAY, frame: '*', by: /^api:\$default$/ },
      ],
      [
        '/embed/tendances.csv',
        { status: 200, type: /^text\/csv/, cachedFor: DAY, frame: '*', by: /^api:ANY \/_press\// },
      ],
      [
        '/oembed?url=' + encodeURIComponent(`https://${DISTRIBUTION_DOMAIN}/embed/tendances`),
        { status: 200, type: /json/, cachedFor: DAY, frame: "'none'", by: /^api:\$default$/ },
      ],
      ['/sitemap.xml', { status: 200, type: /xml/, cachedFor: DAY, frame: "'none'", by: /^api:\$default$/ }],
      [
        '/api/v1/years',
        {
          status: 200,
          type: /^application\/json/,
          cachedFor: DAY,
          frame: "'none'",
          by: /^api:GET \/api\/v1\//,
        },
      ],
      [
        '/api/v1/figures.csv',
        { status: 200, type: /^text\/csv/, cachedFor: DAY, frame: "'none'", by: /^api:GET \/api\/v1\// },
      ],
      ['/robots.txt', { status: 200, type: /^text\/plain/, cachedFor: 300, frame: "'none'", by: /^s3$/ }],
      [
        '/no-such-page',
        { status: 404, type: /^text\/html/, cachedFor: 600, frame: "'none'", by: /^api:\$default$/ },
      ],
      ['/admin', { status: 200, type: /^text\/html/, cachedFor: 0, frame: "'none'", by: /^api:\$default$/ }],
      [
        '/en/admin/2016',
        { status: 200, type: /^text\/html/, cachedFor: 0, frame: "'none'", by: /^api:\$default$/ },
      ],
    ])('GET %s', async (url, expected) => {
      const answer = await get(url);
      expect(answer.status, edge.logs()).toBe(expected.status);
      expect(answer.headers['content-type']).toMatch(expected.type);
      expect(answer.servedBy).toMatch(expected.by);
      expect(answer.cachedFor).toBe(expected.cachedFor);
      if (expected.cachedFor === 0) expect(answer.headers['cache-control']).toBe('no-store');
      else expect(answer.headers['cache-control']).toMatch(/max-age=\d{1,3}\b/); // browsers: minutes at most
      expect(answer.headers['strict-transport-security']).toMatch(/^max-age=\d{8}; includeSubDomains/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(frameAncestors(answer)).toBe(expected.frame);
      expect(answer.headers['x-frame-options']).toBe(expected.frame === '*' ? undefined : 'DENY');
      expect(answer.headers['content-security-policy']).toMatch(/default-src '(self|none)'|^frame-ancestors/);
      expect(scriptSrc(answer)).not.toContain('unsafe-inline');
      expect(answer.body.toString()).not.toContain('execute-api');
    });

    it('hashes every inline script of a page into its CSP, and builds its links on the public origin', async () => {
      for (const url of ['/', '/embed/tendances', '/admin']) {
        const answer = await get(url);
        const html = answer.body.toString();
        const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
          (m) => m[1]!,
        );
        expect(inline.length, url).toBeGreaterThan(0);
        const { createHash } = await import('node:crypto');
        for (const script of inline)
          expect(scriptSrc(answer), url).toContain(
            `'sha256-${createHash('sha256').update(script).digest('base64')}'`,
          );
      }
      const embed = (await get('/embed/tendances')).body.toString();
      expect(embed).toContain(`href="https://${DISTRIBUTION_DOMAIN}/`);
    });

    it('serves the hashed assets from the bucket, kept a year', async () => {
      const dirs = readdirSync(assembly).filter((d) => d.startsWith('asset.'));
      const immutable = dirs
        .map((d) => join(assembly, d, 'entry'))
        .find((d) => {
          try {
            return readdirSync(d).length > 0;
          } catch {
            return false;
          }
        })!;
      const file = readdirSync(immutable).find((f) => f.endsWith('.js'))!;
      const answer = await get(`/_app/immutable/entry/${file}`);
      expect(answer.status).toBe(200);
      expect(answer.servedBy).toBe('s3');
      expect(answer.cachedFor).toBe(365 * DAY);
    });

    it('keeps a PNG download byte for byte, drawn under Node 24', async () => {
      const answer = await get('/embed/tendances.png?scale=2');
      expect(answer.status, edge.logs()).toBe(200);
      expect(answer.headers['content-type']).toBe('image/png');
      expect(answer.servedBy).toMatch(/^api:ANY \/_press\//);
      expect(answer.cachedFor).toBe(DAY);
      expect([...answer.body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const width = answer.body.readUInt32BE(16);
      const height = answer.body.readUInt32BE(20);
      expect(width).toBeGreaterThan(600);
      expect(height).toBeGreaterThan(300);
      expect(answer.body.subarray(-8, -4).toString('latin1')).toBe('IEND');
    });
  });

  describe('the API behind the edge', () => {
    it('answers HEAD from the public function, not the pages 404', async () => {
      const answer = await get('/api/v1/years', { method: 'HEAD' });
      expect(answer.status).toBe(200);
      expect(answer.servedBy).toBe('api:HEAD /api/v1/{proxy+}');
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(answer.headers.etag).toBeTruthy();
    });

    it('answers the CORS preflight of a conditional request from another site', async () => {
      const answer = await get('/api/v1/years/2016', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://journal.example',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'if-none-match',
        },
      });
      expect(answer.status).toBe(204);
      expect(answer.servedBy).toBe('api:OPTIONS /api/v1/{proxy+}');
      expect(answer.headers['access-control-allow-origin']).toBe('*');
      expect(answer.headers['access-control-allow-headers']?.toLowerCase()).toContain('if-none-match');
      expect(answer.cachedFor).toBe(0);
    });

    it('forwards If-None-Match, so a known answer costs a 304', async () => {
      const first = await get('/api/v1/years/2016');
      const again = await get('/api/v1/years/2016', { headers: { 'if-none-match': first.headers.etag! } });
      expect(again.status).toBe(304);
    });

    it('keeps the admin API behind the Cognito authorizer and never stores it', async () => {
      const answer = await get('/api/v1/admin/years');
      expect(answer.status).toBe(401);
      expect(answer.cachedFor).toBe(0);
      expect(answer.headers['cache-control']).toBe('no-store');
    });
  });

  describe('embargoed previews', () => {
    it.each([
      ['/embargo/not.a.token', '/embargo/*', "'none'"],
      ['/embargo/not.a.token/embed/benevoles?year=2016', '/embargo/*/embed/*', '*'],
    ])(
      'reach the site function for %s, kept by no one and indexed by no one',
      async (url, behaviour, frame) => {
        const answer = await get(url);
        expect(answer.status, edge.logs()).toBe(404);
        expect(answer.behaviour).toBe(behaviour);
        expect(answer.servedBy).toMatch(/^api:\$default$/);
        expect(answer.cachedFor).toBe(0);
        expect(answer.headers['cache-control']).toBe('private, no-store');
        expect(answer.headers['x-robots-tag']).toBe('noindex, nofollow');
        expect(frameAncestors(answer)).toBe(frame);
      },
    );
  });

  describe('the execute-api endpoint alone', () => {
    it.each(['/', '/embed/tendances', '/api/v1/years', '/_press/embed/tendances.png'])(
      'refuses %s without CloudFront',
      async (url) => {
        const answer = await edge.toApi({ url });
        expect(answer.status).toBe(403);
        expect(answer.headers['cache-control']).toBe('no-store');
      },
    );
  });

  describe('after a store blip', () => {
    beforeAll(async () => {
      await get('/embed/tendances'); // what a warm function has read
      await store.stop();
    });

    it.each(['/', '/embed/tendances', '/embed/tendances.csv'])(
      'serves %s with its notice, kept by no one',
      async (url) => {
        const answer = await get(url);
        expect(answer.status).toBe(200);
        if (!url.endsWith('.csv')) expect(answer.body.toString()).toContain(NOTICE);
        expect(answer.headers['cache-control']).toBe('no-store');
        expect(answer.cachedFor).toBe(0);
      },
    );
  });
});
