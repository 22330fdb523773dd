/**
 * The review's notifiers: an SNS topic on AWS (e-mail subscriptions filter on the
 * `recipient` attribute: `publishers`, or a person's e-mail address), the log locally.
 */
import type { SNSClient } from '@aws-sdk/client-sns';
import { noticeMessage } from '../core/review-notices';
import type { Notice, Notifier, Recipient } from '../core/review-ports';
import { observability } from './observability';

/** The values of the `recipient` message attribute: what subscriptions' filter policies match. */
export const recipientValues = (to: Recipient[]): string[] =>
  [...new Set(to.map((r) => ('publishers' in r ? 'publishers' : r.person)))].sort();

export class SnsNotifier implements Notifier {
  private client?: Promise<{
    client: SNSClient;
    Command: typeof import('@aws-sdk/client-sns').PublishCommand;
  }>;
  constructor(private readonly topicArn: string) {}

  async notify(notice: Notice): Promise<void> {
    const { client, Command } = await (this.client ??= import('@aws-sdk/client-sns').then((sdk) => ({
      client: observability().tracer.captureAWSv3Client(new sdk.SNSClient({})),
      Command: sdk.PublishCommand,
    })));
    const m = noticeMessage(notice);
    await client.send(
      new Command({
        TopicArn: this.topicArn,
        Subject: m.subject.slice(0, 100),
        Message: m.text,
        MessageAttributes: {
          recipient: { DataType: 'String.Array', StringValue: JSON.stringify(recipientValues(m.to)) },
          kind: { DataType: 'String', StringValue: notice.kind },
        },
      }),
    );
  }
}

/** Locally: the notice, as it would be sent, in the server's log. */
export const loggingNotifier = (log: (line: string) => void = console.log): Notifier => ({
  async notify(notice) {
    const m = noticeMessage(notice);
    log(`notification → ${recipientValues(m.to).join(', ')}: ${m.subject}\n${m.text}`);
  },
});

/** Never lets a failed notification undo a review step: it is logged, the step stands. */
export const bestEffort = (inner: Notifier): Notifier => ({
  async notify(notice) {
    try {
      await inner.notify(notice);
    } catch (error) {
      observability().logger.error('notification failed', { error, kind: notice.kind, year: notice.year });
    }
  },
});
