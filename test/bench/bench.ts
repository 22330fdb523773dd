/**
 * `npm run bench [-- --quick] [-- --page=/embed/...] [-- --report-timing]`: builds the site and the Lambda bundles,
 * starts the system against DynamoDB Local seeded from data/, measures it, and prints one
 * table against test/bench/budgets.json. Exits 1 when a budget is broken or a measure failed
 * (with --report-timing, as CI runs it on a shared machine, timing budgets are shown, not enforced).
 * Loads run against 127.0.0.1 only, bounded in requests and in time.
 */
import { measureStall, STALL_PAGE, STALL_PNG, type Stall } from './press-stall';
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dynamoDbLocalAvailable, type RunningStore } from '../../functions/local/stores';
import { failing, judge, loadBudgets, table, type Row } from './budgets';
import { bundleHandlers, coldStarts, pairedCost, REFERENCE, type Bundle } from './bundles';
import { audit, CHROME_PATH } from './lighthouse';
import { load, type LoadResult } from './load';
import { measurePages } from './measure-pages';
import { choosePages } from './pages';
import { ROOT, startSeededStore, startServer, TABLE_NAME, type RunningServer } from './system';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    page: { type: 'string' },
    'report-timing': { type: 'boolean', default: false },
  },
});
const quick = args.quick!;
const plan = quick
  ? { c1: 300, c50: 1000, mixed: 2_000, coldRuns: 3, lighthouseRuns: 1 }
  : { c1: 1000, c50: 5000, mixed: 20_000, coldRuns: 10, lighthouseRuns: 3 };
const SITE_PATH = '/';
const API_PATH = '/api/v1/years';
/** The latency reference: a trivial handler on the same server and edge (test/bench/serve.ts). */
const TRIVIAL_PATH = '/__bench/trivial';

const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10;
const round1 = (x: number) => Math.round(x * 10) / 10;
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
const started = Date.now();
// Other work on the machine skews every timing: the table says how busy it was when the bench began.
const loadAtStart = loadavg()[0]!;

function run(command: string, commandArgs: string[]): void {
  const result = spawnSync(command, commandArgs, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}\n${result.stderr}\n`);
    throw new Error(`${command} ${commandArgs.join(' ')} failed (${result.status})`);
  }
}

const rows: Row[] = [];
const notes: string[] = [];
let store: RunningStore | undefined;
let server: RunningServer | undefined;

async function main(): Promise<void> {
  log('building the site (npm run build)');
  try {
    run('npm', ['run', '--silent', 'build']);
  } catch {
    log('the build failed; once more, in case another build was writing site/.svelte-kit at the same time');
    run('npm', ['run', '--silent', 'build']);
  }
  log('bundling the Lambda functions and the references (esbuild, minified, node24)');
  const bundles = await bundleHandlers(join(ROOT, 'test/.artifacts/bench'));

  if (!dynamoDbLocalAvailable()) run('npm', ['run', '--silent', 'dynamodb-local:install']);
  log('starting DynamoDB Local and seeding it from data/');
  const seeded = await startSeededStore();
  store = seeded.store;
  server = await startServer(store.endpoint);
  const { origin } = server;

  const pages = await choosePages(origin, args.page);
  const second = pages[1];
  if (!second) notes.push('No embed or theme page answered: only the home page is measured.');
  else if (second.role === 'theme')
    notes.push(
      `No /embed/... route answered: the theme page ${second.path} is measured instead of an embed.`,
    );
  log(`measuring pages ${pages.map((p) => p.path).join(', ')}`);
  const costs = await measurePages(pages.map((p) => `${origin}${p.path}`));
  pages.forEach((page, i) => {
    const cost = costs[i]!;
    const name = `${page.role} ${page.path}`;
    rows.push(
      { id: `${page.role}.html.raw`, label: `${name}: HTML`, value: cost.html.raw, unit: 'B' },
      { id: `${page.role}.html.gzip`, label: `${name}: HTML gzip`, value: cost.html.gzip, unit: 'B' },
      { id: `${page.role}.html.brotli`, label: `${name}: HTML brotli`, value: cost.html.brotli, unit: 'B' },
      {
        id: `${page.role}.chart-without-js`,
        label: `${name}: chart in HTML without JS`,
        value: cost.chartWithoutJs,
      },
      {
        id: `${page.role}.js.gzip`,
        label: `${name}: JS gzip`,
        value: cost.js.gzip,
        unit: 'B',
        note: `${cost.js.files} files`,
      },
      { id: `${page.role}.js.brotli`, label: `${name}: JS brotli`, value: cost.js.brotli, unit: 'B' },
    );
  });

  log('warming up');
  await load(origin, { connections: 10, amount: 500, maxSeconds: 60, paths: [SITE_PATH, API_PATH] });
  const latencyRows = (id: string, label: string, r: LoadResult, connections: number): Row[] => [
    {
      id: `${id}.c${connections}.rps`,
      label: `${label}, ${connections} conn: throughput`,
      value: r.rps,
      unit: 'req/s',
      note: `${r.requests} requests, ${r.errors} errors${r.errors ? ` (${r.errorKinds})` : ''}`,
    },
    {
      id: `${id}.c${connections}.p50`,
      label: `${label}, ${connections} conn: p50`,
      value: r.p50,
      unit: 'ms',
      note: connections > 1 ? 'queueing: ≈ connections / throughput' : 'service time',
    },
    {
      id: `${id}.c${connections}.p99`,
      label: `${label}, ${connections} conn: p99`,
      value: r.p99,
      unit: 'ms',
    },
  ];
  for (const [id, label, path] of [
    ['site', `server render ${SITE_PATH}`, SITE_PATH],
    ['api', `public API ${API_PATH}`, API_PATH],
  ] as const) {
    // The reference just before the measure, so that both see the machine as it is then.
    log(
      `autocannon ${TRIVIAL_PATH} then ${path}: 1 connection x ${plan.c1}, then ${path} at 50 connections x ${plan.c50}`,
    );
    // Five times the requests: each takes a fraction of a millisecond, and the mean comes from the run's duration.
    const trivial = await load(`${origin}${TRIVIAL_PATH}`, {
      connections: 1,
      amount: plan.c1 * 5,
      maxSeconds: 120,
    });
    const one = await load(`${origin}${path}`, { connections: 1, amount: plan.c1, maxSeconds: 120 });
    rows.push(...latencyRows(id, label, one, 1));
    rows.push(
      {
        id: `${id}.c1.reference`,
        label: `${label}, 1 conn: reference (trivial handler) mean`,
        value: trivial.mean,
        unit: 'ms',
        note: `${TRIVIAL_PATH}, same server and edge, just before`,
      },
      {
        id: `${id}.c1.mean-ratio`,
        label: `${label}, 1 conn: mean ÷ reference`,
        value: ratio(one.mean, trivial.mean),
        unit: 'x',
        note: `mean ${one.mean.toFixed(2)} ms ÷ ${trivial.mean.toFixed(3)} ms`,
      },
      {
        id: `${id}.c1.p99-ratio`,
        label: `${label}, 1 conn: p99 ÷ reference p99`,
        value: ratio(one.p99, Math.max(1, trivial.p99)),
        unit: 'x',
        note: `p99 ${one.p99} ms ÷ ${trivial.p99} ms (at least 1 ms: autocannon's resolution)`,
      },
    );
    rows.push(
      ...latencyRows(
        id,
        label,
        await load(`${origin}${path}`, { connections: 50, amount: plan.c50, maxSeconds: 180 }),
        50,
      ),
    );
  }
  log(`load run: ${plan.mixed} requests at 50 connections, site and API alternating`);
  const mixed = await load(origin, {
    connections: 50,
    amount: plan.mixed,
    maxSeconds: quick ? 90 : 600,
    paths: [SITE_PATH, API_PATH],
  });
  rows.push({
    id: 'load.errors',
    label: `load run: ${plan.mixed} requests, 50 conn, ${SITE_PATH} + ${API_PATH}: errors`,
    value: mixed.errors,
    note: `${Math.round(mixed.rps)} req/s, p99 ${mixed.p99} ms, ${mixed.seconds.toFixed(0)} s${mixed.errors ? `; ${mixed.errorKinds}` : ''}`,
  });

  // A burst of print PNGs must not stall the pages: with the press pool (this server) and,
  // for comparison in the same run, on the request thread (PRESS_THREADS=0, as Lambda draws).
  const burst = { connections: 50, pngs: quick ? 50 : 150, samples: quick ? 20 : 50 };
  log(
    `press: ${STALL_PAGE} idle, then while ${burst.connections} connections ask for ${burst.pngs} ${STALL_PNG}, with and without the pool`,
  );
  const stallRow = (id: string, label: string, s: Stall): Row => ({
    id,
    label,
    value: round1(s.ratio),
    unit: 'x',
    note: `${s.loaded.toFixed(1)} ms under the burst (worst ${s.worst.toFixed(0)} ms) ÷ ${s.idle.toFixed(1)} ms idle; ${s.pngs} PNGs`,
  });
  rows.push(
    stallRow(
      'press.stall-ratio',
      `${STALL_PAGE} under a PNG burst ÷ idle, press pool`,
      await measureStall(origin, burst),
    ),
  );
  const inThread = await startServer(store.endpoint, { PRESS_THREADS: '0' });
  try {
    rows.push(
      stallRow(
        'press.stall-ratio-in-thread',
        `${STALL_PAGE} under a PNG burst ÷ idle, PNGs on the request thread (PRESS_THREADS=0)`,
        await measureStall(inThread.origin, burst),
      ),
    );
  } finally {
    await inThread.stop();
  }

  const logged = server.output().split('\n');
  const storeFailures = logged.filter((l) => l.includes('figures store failed')).length;
  const errors = logged.filter((l) => /"level":"ERROR"|\bError\b/.test(l));
  rows.push({
    id: 'server.logged-errors',
    label: 'server during the runs: errors logged',
    value: errors.length,
    note: `${storeFailures} store failures answered from memory${errors[0] ? `; first: ${errors[0].slice(0, 80)}` : ''}`,
  });

  const all: Bundle[] = [...bundles.references, ...bundles.functions];
  log(`cold starts under Node 24: ${all.length} bundles x ${plan.coldRuns} rounds`);
  const env = {
    TABLE_NAME,
    DYNAMODB_ENDPOINT: store.endpoint,
    AWS_REGION: 'eu-west-3',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    USER_POOL_ID: 'eu-west-3_bench',
    USER_POOL_CLIENT_ID: 'bench',
    NODE_ENV: 'production',
  };
  const cold = coldStarts(all, env, plan.coldRuns);
  const top = (bundle: Bundle) =>
    bundle.top
      .slice(0, 3)
      .map((t) => `${t.from} ${(t.bytes / 1024).toFixed(0)} KB`)
      .join(', ');
  const failedRow = (id: string, label: string, error: Error): Row => ({
    id,
    label,
    value: 'failed',
    note: String(error).split('\n')[0]!.slice(0, 100),
  });
  const ref = cold.get(REFERENCE);
  for (const bundle of bundles.references) {
    const result = cold.get(bundle.name)!;
    const label = bundle.name === REFERENCE ? 'λ reference' : `λ ${bundle.name}`;
    rows.push({
      id: `bundle-info.${bundle.name}`,
      label: `${label}: bundle`,
      value: bundle.bytes,
      unit: 'B',
      note: bundle.what,
    });
    if (result instanceof Error) rows.push(failedRow(`cold.${bundle.name}`, `${label}: cold start`, result));
    else
      rows.push({
        id: `cold-ms.${bundle.name}`,
        label: `${label}: cold init + 1st request (median of ${plan.coldRuns})`,
        value: result.medianMs,
        unit: 'ms',
        note:
          bundle.name === REFERENCE
            ? 'the unit of the cold-start ratios'
            : `${result.ratio.toFixed(1)} x reference`,
      });
  }
  for (const bundle of bundles.functions) {
    rows.push({
      id: `bundle.${bundle.name}`,
      label: `λ ${bundle.name}: bundle`,
      value: bundle.bytes,
      unit: 'B',
      note: top(bundle),
    });
    const result = cold.get(bundle.name)!;
    if (result instanceof Error || ref instanceof Error || !ref) {
      rows.push(
        failedRow(
          `cold.${bundle.name}`,
          `λ ${bundle.name}: cold start`,
          result instanceof Error ? result : new Error('the reference failed'),
        ),
      );
      continue;
    }
    rows.push(
      {
        id: `cold-ms.${bundle.name}`,
        label: `λ ${bundle.name}: cold init + 1st request (median of ${plan.coldRuns})`,
        value: result.medianMs,
        unit: 'ms',
        note: `import ${result.importMs.toFixed(0)} ms, answered ${result.status}`,
      },
      {
        id: `cold.${bundle.name}`,
        label: `λ ${bundle.name}: cold start ÷ reference`,
        value: round1(result.ratio),
        unit: 'x',
        note: 'median over rounds of the ratio within a round',
      },
    );
  }
  // What the SDK and Powertools cost, from the same rounds.
  const shipped = cold.get('public-api');
  for (const [id, variant, what] of [
    ['cold-cost.sdk', 'public-api.previous-client', 'AWS SDK DynamoDB client instead of the previous one'],
    ['cold-cost.powertools', 'public-api.no-powertools', 'Powertools Logger, Tracer, Metrics'],
  ] as const) {
    const other = cold.get(variant);
    if (
      !shipped ||
      shipped instanceof Error ||
      !other ||
      other instanceof Error ||
      !ref ||
      ref instanceof Error
    )
      continue;
    const bytes =
      bundles.functions.find((b) => b.name === 'public-api')!.bytes -
      bundles.references.find((b) => b.name === variant)!.bytes;
    const cost = pairedCost(shipped, other);
    rows.push({
      id,
      label: `public-api cold start: cost of the ${what}`,
      value: cost,
      unit: 'ms',
      note: `median of the ${plan.coldRuns} rounds' differences; ${(cost / ref.medianMs).toFixed(1)} x reference; +${(bytes / 1024).toFixed(0)} KB of bundle`,
    });
  }

  for (const page of pages) {
    log(`Lighthouse (mobile) ${page.path} x ${plan.lighthouseRuns}`);
    const name = `${page.role} ${page.path}`;
    try {
      const lh = await audit(`${origin}${page.path}`, plan.lighthouseRuns);
      const failing = (category: keyof typeof lh.failing) =>
        lh.failing[category].length ? `under 0.9: ${lh.failing[category].join(', ')}` : undefined;
      rows.push(
        {
          id: `lighthouse.${page.role}.performance`,
          label: `Lighthouse ${name}: performance`,
          value: lh.performance,
          note: failing('performance'),
        },
        {
          id: `lighthouse.${page.role}.accessibility`,
          label: `Lighthouse ${name}: accessibility`,
          value: lh.accessibility,
          note: failing('accessibility'),
        },
        {
          id: `lighthouse.${page.role}.best-practices`,
          label: `Lighthouse ${name}: best practices`,
          value: lh.bestPractices,
          note: failing('best-practices'),
        },
        {
          id: `lighthouse.${page.role}.seo`,
          label: `Lighthouse ${name}: SEO`,
          value: lh.seo,
          note: failing('seo'),
        },
        { id: `lighthouse.${page.role}.lcp`, label: `Lighthouse ${name}: LCP`, value: lh.lcpMs, unit: 'ms' },
        { id: `lighthouse.${page.role}.tbt`, label: `Lighthouse ${name}: TBT`, value: lh.tbtMs, unit: 'ms' },
        { id: `lighthouse.${page.role}.cls`, label: `Lighthouse ${name}: CLS`, value: lh.cls },
      );
    } catch (error) {
      rows.push({
        id: `lighthouse.${page.role}.performance`,
        label: `Lighthouse ${name}`,
        value: 'failed',
        note: `${String(error).slice(0, 100)} (Chromium at ${CHROME_PATH})`,
      });
    }
  }
}

async function stopAll(): Promise<void> {
  await server?.stop();
  await store?.stop();
}
process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));

let failure: unknown;
try {
  await main();
} catch (error) {
  failure = error;
} finally {
  await stopAll();
}

const judged = judge(rows, loadBudgets());
const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
console.log(
  `\nLa Cimade en chiffres: bench (${quick ? 'quick' : 'full'}), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
    `${availableParallelism()} x ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ` +
    `load average ${loadAtStart.toFixed(1)} at start, ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
);
console.log(table(judged));
if (quick)
  notes.push(
    `Quick mode: ${plan.c1}/${plan.c50}-request latency runs, a ${plan.mixed}-request load run, ${plan.coldRuns} cold starts, ${plan.lighthouseRuns} Lighthouse run per page.`,
  );
notes.push(
  'Latency by autocannon at 1 ms resolution. Budgets on latency apply to one connection (service time); at 50 connections latency is queueing.',
);
console.log(`\n${notes.map((note) => `- ${note}`).join('\n')}`);
const gateTiming = !args['report-timing'];
const broken = failing(judged, { gateTiming });
const excused = judged.filter((r) => r.verdict === 'OVER' && !broken.includes(r));
if (failure)
  console.error(
    `\nbench: stopped early, the table is incomplete: ${failure instanceof Error ? failure.stack : String(failure)}`,
  );
if (excused.length)
  console.log(
    `\nTiming budget(s) over on this machine, reported only (--report-timing): ${excused.map((r) => r.id).join(', ')}`,
  );
if (broken.length)
  console.log(
    `\n${broken.length} budget(s) broken or measure(s) failed: ${broken.map((r) => r.id).join(', ')}`,
  );
else if (!failure) console.log(excused.length ? '\nEvery other budget holds.' : '\nEvery budget holds.');
process.exit(broken.length || failure ? 1 : 0);
