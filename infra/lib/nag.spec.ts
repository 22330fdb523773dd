import { Stack } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { stages } from './config.js';
import { addNagChecks } from './nag.js';
import { testApp, testStack } from './test-support.js';

describe.each(stages)('cdk-nag on the %s stack', (stage) => {
  it('passes AwsSolutions and Serverless with zero unacknowledged errors', () => {
    const app = testApp();
    testStack(stage, app);
    addNagChecks(app);
    expect(() => app.synth()).not.toThrow();
  });
});

describe('cdk-nag', () => {
  it('does fail the synth on an unacknowledged error', () => {
    const app = testApp();
    const stack = new Stack(app, 'Careless');
    new Bucket(stack, 'PlainHttp');
    addNagChecks(app);
    expect(() => app.synth()).toThrow(/AwsSolutions-S10/);
  });
});
