import { loadSharedConfigFiles } from '@smithy/core/config';

/**
 * The region the developer's AWS configuration names, read as the CDK CLI reads it (its
 * `SdkProvider.region`): the region variables, then the profile's `region` in ~/.aws/config.
 * Undefined when nothing names one: the CLI then falls back to us-east-1 by itself, which is
 * no one's choice and is not held against the pinned region.
 */
export async function configuredRegion(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ region: string; from: string } | undefined> {
  for (const name of ['AWS_REGION', 'AMAZON_REGION', 'AWS_DEFAULT_REGION', 'AMAZON_DEFAULT_REGION']) {
    const value = env[name];
    if (value) return { region: value, from: name };
  }
  const profile = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default';
  const files = await loadSharedConfigFiles({
    ignoreCache: true,
    ...(env.AWS_CONFIG_FILE ? { configFilepath: env.AWS_CONFIG_FILE } : {}),
    ...(env.AWS_SHARED_CREDENTIALS_FILE ? { filepath: env.AWS_SHARED_CREDENTIALS_FILE } : {}),
  });
  const region = files.configFile[profile]?.region ?? files.credentialsFile[profile]?.region;
  return region ? { region, from: `the AWS profile "${profile}"` } : undefined;
}
