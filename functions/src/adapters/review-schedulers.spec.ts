/** What EventBridge Scheduler is asked to create: a one-time schedule at the Paris wall-clock time. */
import { describe, expect, it } from 'vitest';
import { isSchedulePayload } from '../core/review-ports';
import { recipientValues } from './review-notifiers';
import { scheduleInput } from './review-schedulers';

const config = {
  groupName: 'cimade-chiffres-staging-publications',
  roleArn: 'arn:aws:iam::111111111111:role/scheduler',
  targetArn: () => 'arn:aws:lambda:eu-west-3:111111111111:function:admin',
};

describe('the EventBridge schedule of a publication', () => {
  it.each([
    ['2027-01-15T08:30:00.000Z', 'at(2027-01-15T09:30:00)'],
    // The spring change in 2027 is on 28 March: 03:30 Paris is 01:30 UTC.
    ['2027-03-28T01:30:00.000Z', 'at(2027-03-28T03:30:00)'],
    ['2027-07-14T10:00:15.000Z', 'at(2027-07-14T12:00:15)'],
  ])('%s is %s, Europe/Paris, deleted once run, invoking the admin function with the payload', (utc, at) => {
    const input = scheduleInput({ year: 2026, version: 7, publishAt: new Date(utc) }, config);
    expect(input).toMatchObject({
      Name: 'publish-2026',
      GroupName: config.groupName,
      ScheduleExpression: at,
      ScheduleExpressionTimezone: 'Europe/Paris',
      ActionAfterCompletion: 'DELETE',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: config.targetArn(), RoleArn: config.roleArn },
    });
    const payload: unknown = JSON.parse(input.Target.Input);
    expect(isSchedulePayload(payload)).toBe(true);
    expect(payload).toMatchObject({ year: 2026, version: 7 });
  });

  it('names the recipients as the subscriptions filter them', () => {
    expect(
      recipientValues([{ publishers: true }, { person: 'a@example.org' }, { publishers: true }]),
    ).toEqual(['a@example.org', 'publishers']);
  });
});
