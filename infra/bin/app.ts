import { App } from 'aws-cdk-lib';
import {
  assertSiteBuilt,
  defaultSiteAssetsPath,
  parseStage,
  pinnedRegion,
  settingKeys,
  emailList,
  stageConfig,
  stageSettings,
} from '../lib/config.js';
import { configuredRegion } from '../lib/configured-region.js';
import { addNagChecks } from '../lib/nag.js';
import { CimadeStack } from '../lib/stack.js';

const app = new App();
const stage = stageConfig(parseStage(app.node.tryGetContext('stage')));
const flags = settingKeys.filter((key) => app.node.tryGetContext(key) !== undefined);
if (flags.length > 0) {
  throw new Error(
    `${flags.map((k) => `-c ${k}`).join(', ')}: stage settings live in cdk.json ("stages"."${stage.name}"), committed, ` +
      'so that the next deploy, which would not repeat the flag, does not remove what it set.',
  );
}
const settings = stageSettings(stage.name, app.node.tryGetContext('stages'));
const region = pinnedRegion(app.node.tryGetContext('region'), await configuredRegion());

const siteAssetsPath =
  (app.node.tryGetContext('siteAssetsPath') as string | undefined) || defaultSiteAssetsPath;
assertSiteBuilt(siteAssetsPath);

new CimadeStack(app, `CimadeEnChiffres-${stage.name}`, {
  stage,
  // Offline synth knows no account: a placeholder. The region is pinned, whatever the CLI passes.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT ?? '000000000000', region },
  siteAssetsPath,
  ...(settings.domainName && settings.certificateArn
    ? { customDomain: { domainName: settings.domainName, certificateArn: settings.certificateArn } }
    : {}),
  ...(settings.alarmEmail ? { alarmEmail: settings.alarmEmail } : {}),
  ...(settings.authDomainPrefix ? { authDomainPrefix: settings.authDomainPrefix } : {}),
  reviewEmails: {
    publishers: emailList(settings.reviewPublisherEmails),
    editors: emailList(settings.reviewEditorEmails),
  },
});

addNagChecks(app);
