import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import { repoRoot, stageConfig, type StageName } from './config.js';
import { CimadeStack, type CimadeStackProps } from './stack.js';

export const fixtureAssetsPath = join(repoRoot, 'infra', 'fixtures', 'site-client');
export const testEnv = { account: '111111111111', region: 'eu-west-3' };

/**
 * An App as `cdk synth` makes it — the feature flags of cdk.json — but with bundling skipped,
 * so that tests need neither esbuild runs nor a site build.
 */
export function testApp(): App {
  const { context } = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } });
}

export function testStack(
  stage: StageName,
  app: App = testApp(),
  overrides: Partial<Omit<CimadeStackProps, 'stage'>> = {},
): CimadeStack {
  return new CimadeStack(app, `Test-${stage}`, {
    stage: stageConfig(stage),
    env: testEnv,
    siteAssetsPath: fixtureAssetsPath,
    alarmEmail: 'alertes@example.org',
    ...overrides,
  });
}

const templates = new Map<StageName, { stack: CimadeStack; template: Template }>();

const TEMPLATE_ASSERTIONS = [
  'hasResourceProperties',
  'hasResource',
  'resourceCountIs',
  'resourcePropertiesCountIs',
  'hasOutput',
  'hasParameter',
  'hasMapping',
  'hasCondition',
  'templateMatches',
  'allResources',
  'allResourcesProperties',
] as const;

/**
 * CDK's template assertions throw without telling Vitest, so a test made of them alone would
 * count as asserting nothing (`requireAssertions`): each is run inside an `expect`, its
 * message kept.
 */
export function counted(template: Template): Template {
  for (const name of TEMPLATE_ASSERTIONS) {
    const assertion = (template[name] as (...args: unknown[]) => void).bind(template);
    Object.defineProperty(template, name, {
      value: (...args: unknown[]) => {
        let failure: unknown;
        try {
          assertion(...args);
        } catch (error) {
          failure = error;
        }
        expect(failure, `${name}: ${(failure as Error | undefined)?.message ?? ''}`).toBeUndefined();
      },
    });
  }
  return template;
}

/** One synthesised stack per stage, shared by the specs of a file. */
export function synthesised(stage: StageName): { stack: CimadeStack; template: Template } {
  let entry = templates.get(stage);
  if (!entry) {
    const stack = testStack(stage);
    entry = { stack, template: counted(Template.fromStack(stack)) };
    templates.set(stage, entry);
  }
  return entry;
}

export type Resources = Record<
  string,
  { Type: string; Properties?: Record<string, unknown>; [key: string]: unknown }
>;

export function resourcesOf(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}
