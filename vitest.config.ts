import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['functions/**/*.spec.ts', 'infra/**/*.spec.ts', 'site/src/**/*.spec.ts', 'test/**/*.spec.ts'],
    exclude: ['**/node_modules/**', 'site/.svelte-kit/**', 'site/build/**', 'cdk.out/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser and store suites start real processes; two cores do not like many at once.
    maxWorkers: 2,
    // The JSON report lets .ci/run print one plain closing line of counts.
    reporters: ['default', ['json', { outputFile: 'test/.artifacts/vitest-report.json' }]],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
