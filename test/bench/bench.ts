/**
 * `npm run bench [-- --quick] [-- --page=/embed/...] [-- --report-timing]`: builds the site and the Lambda bundles,
 * starts the system against DynamoDB Local seeded from data/, measures it, and prints one
 * table against test/bench/budgets.json. Exits 1 when a budget is broken or a measure failed
 * (with --report-timing, as CI runs it on a shared machine, timing budgets are shown, not enforced).
 * Loads run against 127.0.0.1 only, bounded in requests and in time.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dynamoDbLocalAvailable, type RunningStore } from '../../functions/local/stores';
import { failing, judge, loadBudgets, table, type Row } from './budgets';
import { bundleHandlers, coldStart } from './bundles';
import { audit, CHROME_PATH } from './lighthouse';
import { load, type LoadResult } from './load';
import { measurePages } from './measure-pages';
import { choosePages } from './pages';
import { ROOT, startSeededStore, startServer, TABLE_NAME, type RunningServer } from './system';

const { values: args } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, page: { type: 'string' }, 'report-timing': { type: 'boolean', default: false } },
});
const quick = args.quick!;
const plan = quick
  ? { c1: 300, c50: 1000, mixed: 2_000, coldRuns: 3, lighthouseRuns: 1 }
  : { c1: 1000, c50: 5000, mixed: 20_000, coldRuns: 10, lighthouseRuns: 3 };
const SITE_PATH = '/';
const API_PATH = '/api/v1/years';

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
const started = Date.now();
// Other work on the machine skews every timing: the table says how busy it was when the bench began.
const loadAtStart = loadavg()[0]!;

function run(command: string, commandArgs: string[]): void {
  const result = spawnSync(command, commandArgs, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
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
  log('bundling the Lambda functions (esbuild, minified, ESM, node22)');
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
  else if (second.role === 'theme') notes.push(`No /embed/... route answered: the theme page ${second.path} is measured instead of an embed.`);
  log(`measuring pages ${pages.map((p) => p.path).join(', ')}`);
  const costs = await measurePages(pages.map((p) => `${origin}${p.path}`));
  pages.forEach((page, i) => {
    const cost = costs[i]!;
    const name = `${page.role} ${page.path}`;
    rows.push(
      { id: `${page.role}.html.raw`, label: `${name}: HTML`, value: cost.html.raw, unit: 'B' },
      { id: `${page.role}.html.gzip`, label: `${name}: HTML gzip`, value: cost.html.gzip, unit: 'B' },
      { id: `${page.role}.html.brotli`, label: `${name}: HTML brotli`, value: cost.html.brotli, unit: 'B' },
      { id: `${page.role}.chart-without-js`, label: `${name}: chart in HTML without JS`, value: cost.chartWithoutJs },
      { id: `${page.role}.js.gzip`, label: `${name}: JS gzip`, value: cost.js.gzip, unit: 'B', note: `${cost.js.files} files` },
      { id: `${page.role}.js.brotli`, label: `${name}: JS brotli`, value: cost.js.brotli, unit: 'B' },
    );
  });

  log('warming up');
  await load(origin, { connections: 10, amount: 500, maxSeconds: 60, paths: [SITE_PATH, API_PATH] });
  const latencyRows = (id: string, label: string, r: LoadResult, connections: number): Row[] => [
    { id: `${id}.c${connections}.rps`, label: `${label}, ${connections} conn: throughput`, value: r.rps, unit: 'req/s', note: `${r.requests} requests, ${r.errors} errors${r.errors ? ` (${r.errorKinds})` : ''}` },
    { id: `${id}.c${connections}.p50`, label: `${label}, ${connections} conn: p50`, value: r.p50, unit: 'ms', note: connections > 1 ? 'queueing: ≈ connections / throughput' : 'service time' },
    { id: `${id}.c${connections}.p99`, label: `${label}, ${connections} conn: p99`, value: r.p99, unit: 'ms' },
  ];
  for (const [id, label, path] of [['site', `server render ${SITE_PATH}`, SITE_PATH], ['api', `public API ${API_PATH}`, API_PATH]] as const) {
    log(`autocannon ${path}: 1 connection x ${plan.c1}, 50 connections x ${plan.c50}`);
    rows.push(...latencyRows(id, label, await load(`${origin}${path}`, { connections: 1, amount: plan.c1, maxSeconds: 120 }), 1));
    rows.push(...latencyRows(id, label, await load(`${origin}${path}`, { connections: 50, amount: plan.c50, maxSeconds: 180 }), 50));
  }
  log(`load run: ${plan.mixed} requests at 50 connections, site and API alternating`);
  const mixed = await load(origin, { connections: 50, amount: plan.mixed, maxSeconds: quick ? 90 : 600, paths: [SITE_PATH, API_PATH] });
  rows.push({
    id: 'load.errors', label: `load run: ${plan.mixed} requests, 50 conn, ${SITE_PATH} + ${API_PATH}: errors`, value: mixed.errors,
    note: `${Math.round(mixed.rps)} req/s, p99 ${mixed.p99} ms, ${mixed.seconds.toFixed(0)} s${mixed.errors ? `; ${mixed.errorKinds}` : ''}`,
  });

  const logged = server.output().split('\n');
  const storeFailures = logged.filter((l) => l.includes('figures store failed')).length;
  const errors = logged.filter((l) => /"level":"ERROR"|\bError\b/.test(l));
  rows.push({
    id: 'server.logged-errors', label: 'server during the runs: errors logged', value: errors.length,
    note: `${storeFailures} store failures answered from memory${errors[0] ? `; first: ${errors[0].slice(0, 80)}` : ''}`,
  });

  log(`cold starts: ${bundles.length} bundles x ${plan.coldRuns}`);
  const env = {
    TABLE_NAME, DYNAMODB_ENDPOINT: store.endpoint, AWS_REGION: 'eu-west-3', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    USER_POOL_ID: 'eu-west-3_bench', USER_POOL_CLIENT_ID: 'bench', NODE_ENV: 'production',
  };
  for (const bundle of bundles) {
    const top = bundle.top.slice(0, 3).map((t) => `${t.from} ${(t.bytes / 1024).toFixed(0)} KB`).join(', ');
    rows.push({ id: `bundle.${bundle.name}`, label: `λ ${bundle.name}: bundle`, value: bundle.bytes, unit: 'B', note: top });
    try {
      const cold = coldStart(bundle, env, plan.coldRuns);
      rows.push({ id: `cold.${bundle.name}`, label: `λ ${bundle.name}: cold init + 1st request (median of ${plan.coldRuns})`, value: cold.medianMs, unit: 'ms', note: `import ${cold.importMs.toFixed(0)} ms, answered ${cold.status}` });
    } catch (error) {
      rows.push({ id: `cold.${bundle.name}`, label: `λ ${bundle.name}: cold init`, value: 'failed', note: String(error).split('\n')[0]!.slice(0, 100) });
    }
  }

  for (const page of pages) {
    log(`Lighthouse (mobile) ${page.path} x ${plan.lighthouseRuns}`);
    const name = `${page.role} ${page.path}`;
    try {
      const lh = await audit(`${origin}${page.path}`, plan.lighthouseRuns);
      const failing = (category: keyof typeof lh.failing) => (lh.failing[category].length ? `under 0.9: ${lh.failing[category].join(', ')}` : undefined);
      rows.push(
        { id: `lighthouse.${page.role}.performance`, label: `Lighthouse ${name}: performance`, value: lh.performance, note: failing('performance') },
        { id: `lighthouse.${page.role}.accessibility`, label: `Lighthouse ${name}: accessibility`, value: lh.accessibility, note: failing('accessibility') },
        { id: `lighthouse.${page.role}.best-practices`, label: `Lighthouse ${name}: best practices`, value: lh.bestPractices, note: failing('best-practices') },
        { id: `lighthouse.${page.role}.seo`, label: `Lighthouse ${name}: SEO`, value: lh.seo, note: failing('seo') },
        { id: `lighthouse.${page.role}.lcp`, label: `Lighthouse ${name}: LCP`, value: lh.lcpMs, unit: 'ms' },
        { id: `lighthouse.${page.role}.tbt`, label: `Lighthouse ${name}: TBT`, value: lh.tbtMs, unit: 'ms' },
        { id: `lighthouse.${page.role}.cls`, label: `Lighthouse ${name}: CLS`, value: lh.cls },
      );
    } catch (error) {
      rows.push({ id: `lighthouse.${page.role}.performance`, label: `Lighthouse ${name}`, value: 'failed', note: `${String(error).slice(0, 100)} (Chromium at ${CHROME_PATH})` });
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
if (quick) notes.push(`Quick mode: ${plan.c1}/${plan.c50}-request latency runs, a ${plan.mixed}-request load run, ${plan.coldRuns} cold starts, ${plan.lighthouseRuns} Lighthouse run per page.`);
notes.push('Latency by autocannon at 1 ms resolution. Budgets on latency apply to one connection (service time); at 50 connections latency is queueing.');
console.log(`\n${notes.map((note) => `- ${note}`).join('\n')}`);
const gateTiming = !args['report-timing'];
const broken = failing(judged, { gateTiming });
const excused = judged.filter((r) => r.verdict === 'OVER' && !broken.includes(r));
if (failure) console.error(`\nbench: stopped early, the table is incomplete: ${failure instanceof Error ? failure.stack : String(failure)}`);
if (excused.length) console.log(`\nTiming budget(s) over on this machine, reported only (--report-timing): ${excused.map((r) => r.id).join(', ')}`);
if (broken.length) console.log(`\n${broken.length} budget(s) broken or measure(s) failed: ${broken.map((r) => r.id).join(', ')}`);
else if (!failure) console.log(excused.length ? '\nEvery other budget holds.' : '\nEvery budget holds.');
process.exit(broken.length || failure ? 1 : 0);
