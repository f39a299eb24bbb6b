/**
 * Delivery of one notification. Deployed: SNS Publish to NOTIFY_TOPIC_ARN. Locally (no topic):
 * the stored notification is the delivery, plus one console line naming the recipient by id only.
 *
 * Deployed, the topic has one email subscription per team member, each with
 * `FilterPolicyScope: MessageAttributes` and `FilterPolicy: {"recipient": ["<person id>"]}`,
 * so a message reaches only the person it names. The `kind` attribute lets a subscription
 * take alerts only, if someone wants that.
 */
import { PublishCommand } from '@aws-sdk/client-sns';
import type { NotificationKind } from '../../core/reminders';
import { sns } from './sns-client';
import { config } from './config';

export interface OutboundMessage {
  notificationId: string;
  kind: NotificationKind;
  rung: string;
  /** Person id; SNS subscriptions filter on it. */
  recipient: string;
  itemId: string | null;
  deadlineId: string | null;
  subject: string;
  text: string;
}

export type Deliver = (m: OutboundMessage) => Promise<void>;

/** SNS subjects: ASCII, no line breaks, under 100 characters. */
export function snsSubject(subject: string): string {
  const ascii = subject
    .normalize('NFKD')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^\x20-\x7E]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return ascii.length > 99 ? `${ascii.slice(0, 96)}...` : ascii || 'Docketwatch notification';
}

export const publishToTopic: Deliver = async (m) => {
  await sns.send(
    new PublishCommand({
      TopicArn: config.notifyTopicArn,
      Subject: snsSubject(m.subject),
      Message: m.text,
      MessageAttributes: {
        recipient: { DataType: 'String', StringValue: m.recipient },
        kind: { DataType: 'String', StringValue: m.kind },
      },
    }),
  );
};

/** Local delivery: ids only, never names, emails or the message text. */
export const logToConsole: Deliver = async (m) => {
  console.log(`notify ${m.kind} ${m.rung} -> ${m.recipient}${m.itemId ? ` item=${m.itemId}` : ''}${m.deadlineId ? ` deadline=${m.deadlineId}` : ''} id=${m.notificationId}`);
};

export const deliverNotification: Deliver = (m) => (config.notifyTopicArn ? publishToTopic(m) : logToConsole(m));
