/**
 * `npm test`'s first step: makes sure the machine has what the suites need (see
 * `support/provision.ts`), installing it when it can, or stopping at once with the fix.
 * Arguments name the suites (`stores`, `browser`); none means all.
 */
import { spawnSync } from 'node:child_process';
import { installDynamoDbLocal } from '../functions/local/install-dynamodb-local';
import { missingFor, onPath, plan, requirements, thisMachine, type Suite } from './support/provision';

const ALL: Suite[] = ['stores', 'browser'];
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !ALL.includes(a as Suite));
if (unknown.length > 0) {
  console.error(`provision: unknown suite ${unknown.join(', ')} (expected ${ALL.join(', ')})`);
  process.exit(2);
}
const suites = asked.length > 0 ? (asked as Suite[]) : ALL;

const root = process.getuid?.() === 0;
const can = {
  apt: onPath('apt-get'),
  root,
  sudo: !root && onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
};

function apt(args: string[], sudo: boolean): void {
  const [command, argv] = sudo ? ['sudo', ['-n', 'apt-get', ...args]] : ['apt-get', args];
  const r = spawnSync(command, argv, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) {
    console.error(
      `npm test: \`${[command, ...argv].join(' ')}\` failed (${r.error?.message ?? `exit ${r.status}`})`,
    );
    process.exit(1);
  }
}

const needed = requirements(thisMachine()).filter((r) => r.suites.some((s) => suites.includes(s)));
const first = plan(needed, suites, can);
if (first.action === 'stop') {
  console.error(first.message);
  process.exit(1);
}
if (first.action === 'none') console.log(`npm test: present: ${needed.map((r) => r.what).join(', ')}`);
if (first.action === 'install') {
  console.log(first.announce);
  const started = Date.now();
  apt(['update', '-qq'], first.sudo);
  apt(['install', '-y', '-qq', ...first.packages], first.sudo);
  const still = missingFor(requirements(thisMachine()), suites);
  if (still.length > 0) {
    console.error(
      `npm test: installed ${first.packages.join(' ')}, yet this machine still lacks ${still.map((r) => r.what).join(', ')}`,
    );
    process.exit(1);
  }
  console.log(
    `npm test: installed ${first.packages.join(' ')} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}
if (suites.includes('stores')) installDynamoDbLocal((line) => console.log(`npm test: ${line}`));
