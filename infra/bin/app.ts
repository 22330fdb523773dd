import { App } from 'aws-cdk-lib';
import { assertSiteBuilt, defaultSiteAssetsPath, parseStage, stageConfig } from '../lib/config.js';
import { addNagChecks } from '../lib/nag.js';
import { CimadeStack } from '../lib/stack.js';

const app = new App();
const stage = stageConfig(parseStage(app.node.tryGetContext('stage')));
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

const siteAssetsPath = context('siteAssetsPath') ?? defaultSiteAssetsPath;
assertSiteBuilt(siteAssetsPath);
const domainName = context('domainName');
const certificateArn = context('certificateArn');
if ((domainName === undefined) !== (certificateArn === undefined)) {
  throw new Error('Give both -c domainName=... and -c certificateArn=... (us-east-1), or neither.');
}
const alarmEmail = context('alarmEmail');
const authDomainPrefix = context('authDomainPrefix');

new CimadeStack(app, `CimadeEnChiffres-${stage.name}`, {
  stage,
  // Offline synth needs neither: a placeholder account and Paris by default.
  env: {
    account: process.env.CDK_DEFAULT_ACCOUNT ?? '000000000000',
    region: process.env.CDK_DEFAULT_REGION ?? 'eu-west-3',
  },
  siteAssetsPath,
  ...(domainName && certificateArn ? { customDomain: { domainName, certificateArn } } : {}),
  ...(alarmEmail ? { alarmEmail } : {}),
  ...(authDomainPrefix ? { authDomainPrefix } : {}),
});

addNagChecks(app);
