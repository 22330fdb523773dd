/** API Gateway HTTP API (payload 2.0) events, as AWS sends them to a function. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export function httpEvent(path: string, headers: Record<string, string> = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'GET /api/v1/{proxy+}',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'example.cloudfront.net', ...headers },
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'api',
      domainName: 'example.cloudfront.net',
      domainPrefix: 'example',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      requestId: 'req',
      routeKey: 'GET /api/v1/{proxy+}',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
  };
}
