import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pinnedRegion, stageSettings } from './config.js';
import { configuredRegion } from './configured-region.js';

describe('stage settings (cdk.json "stages")', () => {
  it('refuses a production stage without an alarm e-mail, saying where to set it', () => {
    expect(() => stageSettings('production', { production: { alarmEmail: '' } })).toThrow(
      /production.*alarmEmail is missing.*Set it in cdk.json/s,
    );
    expect(() => stageSettings('production', undefined)).toThrow(/alarmEmail is missing/);
  });

  it('reports every problem at once', () => {
    const error = (() => {
      try {
        stageSettings('production', {
          production: { alarmEmail: 'nobody', domainName: 'chiffres.example.org', colour: 'red' },
        });
      } catch (e) {
        return String(e);
      }
    })();
    expect(error).toMatch(/colour is not a setting/);
    expect(error).toMatch(/"nobody" is not an e-mail address/);
    expect(error).toMatch(/both domainName and certificateArn/);
  });

  it('wants the certificate in us-east-1', () => {
    expect(() =>
      stageSettings('staging', {
        staging: {
          domainName: 'a.example.org',
          certificateArn:
            'arn:aws:acm:eu-west-3:123456789012:certificate/0f3a6b43-9b8c-4c3e-8f8d-1a2b3c4d5e6f',
        },
      }),
    ).toThrow(/us-east-1/);
  });

  it('reads a complete production stage, empty strings as absent', () => {
    const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/0f3a6b43-9b8c-4c3e-8f8d-1a2b3c4d5e6f';
    expect(
      stageSettings('production', {
        production: {
          alarmEmail: 'alertes@example.org',
          domainName: 'chiffres.example.org',
          certificateArn: arn,
          authDomainPrefix: '',
        },
      }),
    ).toEqual({ alarmEmail: 'alertes@example.org', domainName: 'chiffres.example.org', certificateArn: arn });
    expect(stageSettings('staging', { staging: { alarmEmail: '' } })).toEqual({});
  });
});

describe('the pinned region', () => {
  it('is eu-west-3 unless the context says otherwise', () => {
    expect(pinnedRegion(undefined, undefined)).toBe('eu-west-3');
    expect(pinnedRegion('eu-west-1', { region: 'eu-west-1', from: 'AWS_REGION' })).toBe('eu-west-1');
  });

  it('stops a synth whose configured region differs, and says which', () => {
    expect(() => pinnedRegion(undefined, { region: 'us-east-1', from: 'the AWS profile "cimade"' })).toThrow(
      /deploys to eu-west-3.*the AWS profile "cimade" says us-east-1/,
    );
  });

  it('reads the region as the CDK CLI does: variables first, then the profile, nothing when nothing is set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-config-'));
    const config = join(dir, 'config');
    writeFileSync(config, '[default]\nregion = eu-west-3\n[profile elsewhere]\nregion = us-west-2\n');
    const files = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') };
    expect(await configuredRegion({ ...files, AWS_REGION: 'ap-south-1', AWS_PROFILE: 'elsewhere' })).toEqual({
      region: 'ap-south-1',
      from: 'AWS_REGION',
    });
    expect(await configuredRegion({ ...files, AWS_PROFILE: 'elsewhere' })).toEqual({
      region: 'us-west-2',
      from: 'the AWS profile "elsewhere"',
    });
    expect(await configuredRegion(files)).toEqual({ region: 'eu-west-3', from: 'the AWS profile "default"' });
    // The CLI's own fallback (CDK_DEFAULT_REGION=us-east-1 with nothing configured) is no one's choice.
    expect(
      await configuredRegion({
        AWS_CONFIG_FILE: join(dir, 'none'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
        CDK_DEFAULT_REGION: 'us-east-1',
      }),
    ).toBeUndefined();
  });
});
