/**
 * Scheduled publications. On AWS: one EventBridge Scheduler one-time schedule per year, in
 * the stack's own group, at the Paris wall-clock time (`at(...)` with the Europe/Paris time
 * zone), deleted after it runs, invoking the admin function with a payload it recognises.
 * Locally: nothing to create — the one-origin server's timer reads the scheduled drafts.
 */
import type { SchedulerClient } from '@aws-sdk/client-scheduler';
import { PARIS, toParisWallClock } from '../core/paris-time';
import { schedulePayload, type PublicationScheduler, type ScheduledPublication } from '../core/review-ports';
import { observability } from './observability';

export interface EventBridgeSchedulerConfig {
  groupName: string;
  /** The role EventBridge Scheduler assumes to invoke the function. */
  roleArn: string;
  /** The admin function's ARN (from the invocation's context). */
  targetArn: () => string;
}

type Sdk = typeof import('@aws-sdk/client-scheduler');

export const scheduleName = (year: number) => `publish-${year}`;

/** The CreateSchedule / UpdateSchedule input for a publication. */
export function scheduleInput(s: ScheduledPublication, c: EventBridgeSchedulerConfig) {
  return {
    Name: scheduleName(s.year),
    GroupName: c.groupName,
    ScheduleExpression: `at(${toParisWallClock(s.publishAt)})`,
    ScheduleExpressionTimezone: PARIS,
    FlexibleTimeWindow: { Mode: 'OFF' as const },
    ActionAfterCompletion: 'DELETE' as const,
    Target: {
      Arn: c.targetArn(),
      RoleArn: c.roleArn,
      Input: JSON.stringify(schedulePayload(s)),
      RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
    },
    Description: `La Cimade en chiffres: publish ${s.year} (version ${s.version})`,
  };
}

export class EventBridgeScheduler implements PublicationScheduler {
  private sdk?: Promise<{ client: SchedulerClient; sdk: Sdk }>;
  constructor(private readonly config: EventBridgeSchedulerConfig) {}

  private load() {
    return (this.sdk ??= import('@aws-sdk/client-scheduler').then((sdk) => ({
      client: observability().tracer.captureAWSv3Client(new sdk.SchedulerClient({})),
      sdk,
    })));
  }

  async set(s: ScheduledPublication): Promise<void> {
    const { client, sdk } = await this.load();
    const input = scheduleInput(s, this.config);
    try {
      await client.send(new sdk.CreateScheduleCommand(input));
    } catch (error) {
      if (!(error instanceof sdk.ConflictException)) throw error;
      await client.send(new sdk.UpdateScheduleCommand(input));
    }
  }

  async cancel(year: number): Promise<void> {
    const { client, sdk } = await this.load();
    try {
      await client.send(
        new sdk.DeleteScheduleCommand({ Name: scheduleName(year), GroupName: this.config.groupName }),
      );
    } catch (error) {
      if (!(error instanceof sdk.ResourceNotFoundException)) throw error;
    }
  }
}

/** Locally the scheduled drafts are the schedules: the server's timer (`dueSchedules`) runs them. */
export const storedScheduler: PublicationScheduler = {
  async set() {},
  async cancel() {},
};
