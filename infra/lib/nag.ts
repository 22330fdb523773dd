import { Stack, Validations, type App, type CfnResource } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';

/** Every synth of this app is checked; an unacknowledged error makes `app.synth()` throw. */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
}

interface Statement {
  Effect?: string;
  Action?: string | string[];
  Resource?: unknown;
}

/** The AwsSolutions-IAM5 findings of a policy, computed as cdk-nag computes them. */
export function wildcardFindings(policy: CfnResource): string[] {
  const document = Stack.of(policy).resolve(
    (policy as unknown as { policyDocument: unknown }).policyDocument,
  ) as {
    Statement?: Statement[];
  };
  const findings = new Set<string>();
  const list = <T>(value: T | T[] | undefined): T[] =>
    value === undefined ? [] : Array.isArray(value) ? value : [value];
  for (const statement of document.Statement ?? []) {
    if (statement.Effect !== 'Allow') continue;
    for (const action of list(statement.Action)) if (action.includes('*')) findings.add(`Action::${action}`);
    for (const resource of list(statement.Resource)) {
      const flat = flattenCfnReference(resource);
      if (flat.includes('*')) findings.add(`Resource::${flat}`);
    }
  }
  return [...findings];
}

/**
 * Acknowledges, with one written reason, the IAM5 findings of `policy` that match `expected`,
 * and only those: a wildcard nobody expected still fails the synth.
 */
export function acknowledgeWildcards(
  policy: CfnResource,
  expected: readonly (string | RegExp)[],
  reason: string,
): void {
  const matches = (finding: string) =>
    expected.some((e) => (typeof e === 'string' ? e === finding : e.test(finding)));
  for (const finding of wildcardFindings(policy).filter(matches)) {
    Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
  }
}
