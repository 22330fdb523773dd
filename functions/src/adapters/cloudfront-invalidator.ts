import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import type { CdnInvalidator } from '../core/cdn';

/** CloudFront CreateInvalidation, on AWS. */
export class CloudFrontInvalidator implements CdnInvalidator {
  private readonly client = new CloudFrontClient({});
  constructor(private readonly distributionId: string) {}

  async invalidate(paths: string[]): Promise<void> {
    await this.client.send(
      new CreateInvalidationCommand({
        DistributionId: this.distributionId,
        InvalidationBatch: { CallerReference: `publish-${Date.now()}`, Paths: { Quantity: paths.length, Items: paths } },
      }),
    );
  }
}

/** Locally there is no CDN: say what would be invalidated. */
export const loggingInvalidator: CdnInvalidator = {
  async invalidate(paths) {
    console.log(JSON.stringify({ level: 'INFO', message: 'cdn invalidation (local: nothing cached)', paths }));
  },
};
