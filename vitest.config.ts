import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Four projects, so that a unit change does not wait for the stores, the browser or
 * aws-cdk-lib's import. A spec belongs to a project by where it lives: the stores, browser
 * and infra globs name their folders, and unit is every other spec
 * (`test/support/projects.spec.ts` checks that each spec lands in exactly one).
 */
export const SPECS = [
  'functions/**/*.spec.ts',
  'infra/**/*.spec.ts',
  'site/src/**/*.spec.ts',
  'test/**/*.spec.ts',
];

/** Both local DynamoDBs (dynalite in-process, DynamoDB Local in Java), the local system. */
export const STORES = [
  'functions/src/adapters/**/*.spec.ts',
  'infra/scripts/**/*.spec.ts',
  'test/api/**/*.spec.ts',
  'test/fuzz/**/*.spec.ts',
  'test/resilience/**/*.spec.ts',
  'test/system/**/*.spec.ts',
];
/** Debian's Chromium against the local system. */
export const BROWSER = ['test/browser/**/*.spec.ts'];
/** The CDK app (aws-cdk-lib takes ~19 s to import here) and what runs at the edge. */
export const INFRA = ['infra/lib/**/*.spec.ts', 'infra/bin/**/*.spec.ts', 'test/edge/**/*.spec.ts'];

const exclude = ['**/node_modules/**', 'site/.svelte-kit/**', 'site/build/**', 'cdk.out/**'];

export default defineConfig({
  // The site's own aliases (svelte.config.js), so that a unit spec can import the admin's pure modules.
  resolve: {
    alias: {
      $core: fileURLToPath(new URL('functions/src/core', import.meta.url)),
      $lib: fileURLToPath(new URL('site/src/lib', import.meta.url)),
    },
  },
  test: {
    exclude,
    // Every test must make an assertion: a test that cannot fail is a defect.
    expect: { requireAssertions: true },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser and store suites start real processes; two cores do not like many at once.
    maxWorkers: 2,
    // The JSON report lets .ci/run print one plain closing line of counts.
    reporters: ['default', ['json', { outputFile: 'test/.artifacts/vitest-report.json' }]],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        // Unit specs share a worker's module cache (isolate: false): importing zod, d3 and the
        // site's modules once per worker, not once per file, halves the run on two cores.
        test: {
          name: 'unit',
          include: SPECS,
          exclude: [...exclude, ...STORES, ...BROWSER, ...INFRA],
          testTimeout: 10_000,
          isolate: false,
        },
      },
      { extends: true, test: { name: 'stores', include: STORES } },
      { extends: true, test: { name: 'browser', include: BROWSER } },
      { extends: true, test: { name: 'infra', include: INFRA } },
    ],
  },
});
