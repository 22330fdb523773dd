import { describe, expect, it } from 'vitest';
import { DEJAVU, javaMajorFrom, SOFFICE, plan, requirements, type Machine } from './provision';

/** A Debian machine with Chromium, the fonts and Java 17, unless told otherwise. */
const machine = ({
  has = ['/usr/bin/chromium', DEJAVU, SOFFICE],
  java = 17,
  ...over
}: Partial<Machine> & { has?: string[]; java?: number | null } = {}): Machine => ({
  executable: (p) => has.includes(p),
  exists: (p) => has.includes(p),
  javaMajor: () => java ?? undefined,
  chromiumPath: '/usr/bin/chromium',
  chromiumPathFromEnv: false,
  ...over,
});
const root = { apt: true, root: true, sudo: false };
const user = { apt: true, root: false, sudo: false };

describe('provisioning the test suites', () => {
  it('does nothing when Chromium, the fonts and Java 17 are there', () => {
    expect(plan(requirements(machine()), ['stores', 'browser'], user)).toEqual({ action: 'none' });
  });

  it('installs what is missing with apt-get when running as root, and says so', () => {
    const p = plan(requirements(machine({ has: [], java: null })), ['stores', 'browser'], root);
    expect(p).toMatchObject({
      action: 'install',
      sudo: false,
      packages: ['chromium', 'fonts-dejavu-core', 'libreoffice-calc-nogui', 'default-jre-headless'],
    });
    expect(p.action === 'install' && p.announce).toMatch(
      /lacks Chromium .*installing chromium fonts-dejavu-core libreoffice-calc-nogui default-jre-headless with apt-get/,
    );
  });

  it('uses sudo when it needs no password', () => {
    expect(plan(requirements(machine({ java: 11 })), ['stores'], { ...user, sudo: true })).toMatchObject({
      action: 'install',
      sudo: true,
      packages: ['default-jre-headless'],
    });
  });

  it('otherwise stops with the one command that fixes it', () => {
    const p = plan(requirements(machine({ has: [] })), ['browser'], user);
    expect(p).toEqual({
      action: 'stop',
      message:
        'npm test needs Chromium (/usr/bin/chromium), the DejaVu fonts, LibreOffice Calc, which this machine lacks. ' +
        'To fix it: run `sudo apt-get install -y chromium fonts-dejavu-core libreoffice-calc-nogui`, and run npm test again.',
    });
  });

  it('only asks for what the suites run need', () => {
    expect(plan(requirements(machine({ has: [] })), ['stores'], user)).toEqual({ action: 'none' });
    expect(plan(requirements(machine({ java: null })), ['browser'], user)).toEqual({ action: 'none' });
  });

  it('does not install over a CHROMIUM_PATH that points nowhere: it says to fix the path', () => {
    const p = plan(
      requirements(machine({ chromiumPath: '/nowhere', chromiumPathFromEnv: true })),
      ['browser'],
      root,
    );
    expect(p.action).toBe('stop');
    expect(p.action === 'stop' && p.message).toContain('CHROMIUM_PATH=/nowhere is not an executable file');
  });

  it('names the package manager when there is no apt-get', () => {
    const p = plan(requirements(machine({ java: null })), ['stores'], {
      apt: false,
      root: true,
      sudo: false,
    });
    expect(p.action === 'stop' && p.message).toContain(
      "install Java 17+ for DynamoDB Local with this system's package manager",
    );
  });

  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['bash: java: command not found', undefined],
  ])('reads the Java version from %j', (output, major) => {
    expect(javaMajorFrom(output)).toBe(major);
  });
});
