/**
 * The deploy guide (infra/README.md, "Deploy") walked through as written, as far as offline
 * allows: every `npx cdk` command it gives is synthesised with the context it gives, as the
 * CDK CLI would pass it (cdk.json's context, then the -c flags), by the app itself
 * (infra/bin/app.ts). Bundling is skipped here: the edge test synthesises with it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/bundle';

const run = promisify(execFile);
const readme = readFileSync(join(ROOT, 'infra/README.md'), 'utf8');
const guide = readme.slice(readme.indexOf('\n## Deploy\n'), readme.indexOf('\n## Restore runbook'));
const cdkJson = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as {
  context: Record<string, unknown>;
};
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Every `npx cdk …` the guide tells an operator to type, as typed. */
const commands = [...guide.matchAll(/npx cdk (bootstrap|diff|deploy|destroy)([^`\n&]*)/g)].map((m) => ({
  verb: m[1]!,
  args: m[2]!.trim(),
}));

/** The context the CLI gives the app for `args`: cdk.json's, then each -c. */
function contextFor(args: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const flags = Object.fromEntries([...args.matchAll(/-c (\S+?)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
  return { ...cdkJson.context, ...overrides, ...flags };
}

type Synth = {
  error?: string;
  template?: { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
  text?: string;
};
const synths = new Map<string, Promise<Synth>>();

/**
 * What the app synthesises with `context` and no AWS configuration, or the error it stops with.
 * The same context is the same synth (diff, deploy, destroy and a later deploy of one stage).
 */
function synth(context: Record<string, unknown>, env: Record<string, string> = {}): Promise<Synth> {
  const key = JSON.stringify([context, env]);
  if (!synths.has(key)) synths.set(key, synthOnce(context, env));
  return synths.get(key)!;
}

async function synthOnce(context: Record<string, unknown>, env: Record<string, string>): Promise<Synth> {
  const outdir = mkdtempSync(join(tmpdir(), 'cimade-guide-'));
  dirs.push(outdir);
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(AWS_|CDK_)/.test(k)));
  try {
    await run('npx', ['tsx', 'infra/bin/app.ts'], {
      cwd: ROOT,
      env: {
        ...clean,
        AWS_CONFIG_FILE: join(outdir, 'none'),
        AWS_SHARED_CREDENTIALS_FILE: join(outdir, 'none'),
        // What the CDK CLI passes when nothing is configured.
        CDK_DEFAULT_REGION: 'us-east-1',
        CDK_OUTDIR: outdir,
        CDK_CONTEXT_JSON: JSON.stringify({ ...context, 'aws:cdk:bundling-stacks': [] }),
        ...env,
      },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    return { error: String((error as { stderr?: string }).stderr ?? error) };
  }
  const stage = (context.stage as string | undefined) ?? 'staging';
  const text = readFileSync(join(outdir, `CimadeEnChiffres-${stage}.template.json`), 'utf8');
  return {
    template: JSON.parse(text) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    },
    text,
  };
}

const resources = (
  template: { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> },
  type: string,
) =>
  Object.values(template.Resources)
    .filter((r) => r.Type === type)
    .map((r) => r.Properties);

describe('the deploy guide, as written', () => {
  it('gives the commands this walk-through covers, and no -c for a stage setting', () => {
    expect(commands.map((c) => c.verb)).toEqual(
      expect.arrayContaining(['bootstrap', 'diff', 'deploy', 'destroy']),
    );
    for (const { args } of commands)
      expect(args, args).not.toMatch(/-c (alarmEmail|domainName|certificateArn|authDomainPrefix)=/);
  });

  it('bootstraps the region the stacks are pinned to', () => {
    const bootstrap = commands.filter((c) => c.verb === 'bootstrap');
    expect(bootstrap.length).toBeGreaterThan(0);
    for (const { args } of bootstrap)
      expect(args).toMatch(new RegExp(`/${cdkJson.context.region as string}$`));
  });

  it.each(
    commands
      .filter((c) => c.verb !== 'bootstrap' && /stage=staging/.test(c.args))
      .map((c) => [`${c.verb} ${c.args}`, c.args]),
  )(
    'synthesises `npx cdk %s` for eu-west-3 with no AWS configuration',
    async (_, args) => {
      const result = await synth(contextFor(args));
      expect(result.error).toBeUndefined();
      expect(result.text).toContain('.execute-api.eu-west-3.');
      expect(result.text).not.toContain('us-east-1');
    },
    180_000,
  );

  it('stops a production synth until its alarm e-mail is in cdk.json, saying where to set it', async () => {
    const production = (cdkJson.context.stages as Record<string, { alarmEmail?: string }>).production;
    const result = await synth(contextFor('-c stage=production'));
    if (production?.alarmEmail) expect(result.error).toBeUndefined();
    else expect(result.error).toMatch(/"stages"\."production"\.alarmEmail is missing.*Set it in cdk\.json/);
  }, 180_000);

  it('deploys production with the settings the guide shows, the same on every later deploy', async () => {
    const block = /```json\n([\s\S]*?)```/.exec(guide)?.[1] ?? '';
    const shown = JSON.parse(`{${block.replace('/…"', '/0f3a6b43-9b8c-4c3e-8f8d-1a2b3c4d5e6f"')}}`) as {
      stages: Record<string, Record<string, string>>;
    };
    const settings = shown.stages.production!;
    const context = contextFor('-c stage=production', {
      stages: { ...(cdkJson.context.stages as object), ...shown.stages },
    });
    const first = await synth(context);
    expect(first.error).toBeUndefined();
    const template = first.template!;
    expect(resources(template, 'AWS::SNS::Subscription')).toEqual([
      expect.objectContaining({ Protocol: 'email', Endpoint: settings.alarmEmail }),
    ]);
    const cdn = resources(template, 'AWS::CloudFront::Distribution')[0]!.DistributionConfig as {
      Aliases: string[];
      ViewerCertificate: { AcmCertificateArn: string };
    };
    expect(cdn.Aliases).toEqual([settings.domainName]);
    expect(cdn.ViewerCertificate.AcmCertificateArn).toBe(settings.certificateArn);
    expect(JSON.stringify(resources(template, 'AWS::Cognito::UserPoolClient'))).toContain(
      `https://${settings.domainName}/admin/auth/callback`,
    );
    // `npm run build && npx cdk deploy -c stage=…` later: no flag but the stage, so the same
    // context as the first deploy, hence the same stack (the first test checks the flags).
    expect(commands.filter((c) => /stage=…/.test(c.args)).map((c) => c.args)).toEqual(['-c stage=…']);
  }, 180_000);

  it('refuses a stage setting given as a flag, and a configured region other than the pinned one', async () => {
    expect((await synth(contextFor('-c stage=staging -c alarmEmail=alertes@example.org'))).error).toMatch(
      /-c alarmEmail: stage settings live in cdk\.json/,
    );
    expect((await synth(contextFor('-c stage=staging'), { AWS_REGION: 'us-east-1' })).error).toMatch(
      /deploys to eu-west-3.*AWS_REGION says us-east-1/,
    );
  }, 180_000);
});
