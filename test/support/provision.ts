/**
 * What the test suites need from the machine, and how `npm test` gets it, the way
 * `npx playwright install --with-deps` does: Debian's Chromium and fonts for the browser
 * suites, Java 17+ for DynamoDB Local (the store suites), each checked in milliseconds,
 * announced and installed with apt-get when it is missing and this process may install
 * (root, or sudo without a password); otherwise it stops at once with the one command that
 * fixes it. Amazon's DynamoDB Local itself is unpacked from the npm registry.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

export type Suite = 'stores' | 'browser';

/** The Chromium the browser suites drive: `CHROMIUM_PATH`, or Debian's. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** LibreOffice, headless: the browser suite opens the French-Excel CSV with it, as a French desk's spreadsheet does. */
export const SOFFICE = '/usr/bin/soffice';
/** A file of Debian's fonts-dejavu-core: Chromium draws the pages' text with it. */
export const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

export interface Requirement {
  /** What is needed, in the words of the message. */
  what: string;
  /** Which suites need it. */
  suites: Suite[];
  /** Whether this machine has it. */
  present: boolean;
  /** Debian packages that provide it; absent when apt cannot (then `fix` says what to do). */
  apt?: string[];
  fix?: string;
}

/** What the machine looks like, as far as the suites care. Injected in the spec. */
export interface Machine {
  executable(path: string): boolean;
  exists(path: string): boolean;
  /** Java's major version on PATH, or undefined without a working `java`. */
  javaMajor(): number | undefined;
  chromiumPath: string;
  chromiumPathFromEnv: boolean;
}

export function requirements(machine: Machine): Requirement[] {
  const chromium: Requirement = machine.chromiumPathFromEnv
    ? {
        what: `Chromium at CHROMIUM_PATH=${machine.chromiumPath}`,
        suites: ['browser'],
        present: machine.executable(machine.chromiumPath),
        fix: `CHROMIUM_PATH=${machine.chromiumPath} is not an executable file: point it at a Chromium, or unset it to use Debian's (apt-get install -y chromium)`,
      }
    : {
        what: `Chromium (${machine.chromiumPath})`,
        suites: ['browser'],
        present: machine.executable(machine.chromiumPath),
        apt: ['chromium'],
      };
  const java = machine.javaMajor();
  return [
    chromium,
    {
      what: 'the DejaVu fonts',
      suites: ['browser'],
      present: machine.exists(DEJAVU),
      apt: ['fonts-dejavu-core'],
    },
    {
      what: 'LibreOffice Calc',
      suites: ['browser'],
      present: machine.executable(SOFFICE),
      apt: ['libreoffice-calc-nogui'],
    },
    {
      what:
        java === undefined
          ? 'Java 17+ for DynamoDB Local'
          : `Java 17+ for DynamoDB Local (found Java ${java})`,
      suites: ['stores'],
      present: java !== undefined && java >= 17,
      apt: ['default-jre-headless'],
    },
  ];
}

export type Plan =
  | { action: 'none' }
  | { action: 'install'; packages: string[]; sudo: boolean; announce: string }
  | { action: 'stop'; message: string };

/**
 * What to do about the missing requirements of the suites asked for: nothing, install
 * with apt-get, or stop with the command that fixes it.
 */
export const missingFor = (reqs: Requirement[], suites: Suite[]): Requirement[] =>
  reqs.filter((r) => !r.present && r.suites.some((s) => suites.includes(s)));

export function plan(
  reqs: Requirement[],
  suites: Suite[],
  can: { apt: boolean; root: boolean; sudo: boolean },
): Plan {
  const missing = missingFor(reqs, suites);
  if (missing.length === 0) return { action: 'none' };
  const packages = missing.flatMap((r) => r.apt ?? []);
  const unfixable = missing.filter((r) => !r.apt);
  const names = missing.map((r) => r.what).join(', ');
  const command = `${can.root ? '' : 'sudo '}apt-get install -y ${packages.join(' ')}`;
  if (unfixable.length === 0 && can.apt && (can.root || can.sudo))
    return {
      action: 'install',
      packages,
      sudo: !can.root,
      announce: `npm test: this machine lacks ${names}; installing ${packages.join(' ')} with apt-get (as \`npx playwright install --with-deps\` would)`,
    };
  const fixes = [
    ...unfixable.map((r) => r.fix!),
    ...(packages.length === 0
      ? []
      : [
          can.apt
            ? `run \`${command}\``
            : `install ${names} with this system's package manager (on Debian: \`${command}\`)`,
        ]),
  ];
  return {
    action: 'stop',
    message: `npm test needs ${names}, which this machine lacks. To fix it: ${fixes.join('; then ')}, and run npm test again.`,
  };
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return !path.endsWith('/');
  } catch {
    return false;
  }
}

/** `openjdk version "17.0.15"` → 17, `java version "1.8.0_392"` → 8. */
export function javaMajorFrom(versionOutput: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!m) return undefined;
  return m[1] === '1' && m[2] ? Number(m[2]) : Number(m[1]);
}

export const thisMachine = (): Machine => ({
  executable,
  exists: existsSync,
  javaMajor: () => {
    const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
    return r.status === 0 ? javaMajorFrom(`${r.stderr}${r.stdout}`) : undefined;
  },
  chromiumPath: CHROMIUM,
  chromiumPathFromEnv: process.env.CHROMIUM_PATH !== undefined,
});

export const onPath = (command: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
