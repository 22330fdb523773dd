import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import type { CdnInvalidator } from '../core/cdn';
import { observability } from './observability';

/**
 * CloudFront CreateInvalidation, on AWS. The SDK client (from the Lambda runtime) is loaded on
 * the first publication, not at cold start: most admin requests never invalidate anything.
 */
export class CloudFrontInvalidator implements CdnInvalidator {
  private client?: Promise<{
    client: CloudFrontClient;
    Command: typeof import('@aws-sdk/client-cloudfront').CreateInvalidationCommand;
  }>;
  constructor(private readonly distributionId: string) {}

  async invalidate(paths: string[]): Promise<void> {
    const { client, Command } = await (this.client ??= import('@aws-sdk/client-cloudfront').then((sdk) => ({
      client: observability().tracer.captureAWSv3Client(new sdk.CloudFrontClient({})),
      Command: sdk.CreateInvalidationCommand,
    })));
    await client.send(
      new Command({
        DistributionId: this.distributionId,
        InvalidationBatch: {
          CallerReference: `publish-${Date.now()}`,
          Paths: { Quantity: paths.length, Items: paths },
        },
      }),
    );
  }
}

/** Locally there is no CDN: say what would be invalidated. */
export const loggingInvalidator: CdnInvalidator = {
  async invalidate(paths) {
    observability().logger.info('cdn invalidation (local: nothing cached)', { paths });
  },
};
