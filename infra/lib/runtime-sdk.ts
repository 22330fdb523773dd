/**
 * Packages the functions take from the Lambda runtime's AWS SDK v3 instead of their bundle
 * (shared by the CDK house construct and the benchmark, which bundles as CDK does). DynamoDB
 * goes through our own small client, bundled; only CloudFront invalidation, loaded on the
 * first publication, uses the SDK; and so do the review's scheduler and notices (loaded on first use).
 */
export const RUNTIME_SDK = ['@aws-sdk/client-cloudfront', '@aws-sdk/client-scheduler', '@aws-sdk/client-sns'];
