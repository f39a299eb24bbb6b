import { Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { StageConfig } from '../config';

export interface MailProps {
  readonly config: StageConfig;
  readonly key: IKey;
}

/**
 * Notifications by e-mail through Amazon SES: the sending identity (the deployment's `mailFrom`
 * setting: its domain, or the address itself with `mailIdentity=address`), a configuration set
 * every message goes through, and its event destination: bounces, complaints and rejections to
 * an encrypted SNS topic, alarmed on its first message. SES's account-level suppression of
 * bounced and complaining addresses applies through the configuration set too.
 */
export class Mail extends Construct {
  readonly identity: EmailIdentity;
  readonly identityArn: string;
  readonly configurationSet: ConfigurationSet;
  readonly configurationSetArn: string;
  readonly eventsTopic: Topic;
  readonly bounceAlarm: Alarm;
  /** What the sweep's environment needs to send. */
  readonly environment: Record<string, string>;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    const { mail } = props.config;
    const stack = Stack.of(this);
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: mail.identity.includes('@') ? Identity.email(mail.identity) : Identity.domain(mail.identity),
    });
    this.identityArn = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: this.identity.emailIdentityName });

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSetArn = stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName });

    this.eventsTopic = new Topic(this, 'DeliveryProblems', {
      displayName: 'Docketwatch e-mail bounces and complaints',
      masterKey: props.key,
      enforceSSL: true,
    });
    // Adds the topic policy letting SES publish for this configuration set only.
    this.configurationSet.addEventDestination('ToTopic', {
      destination: EventDestination.snsTopic(this.eventsTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT],
    });
    // A reminder that bounced is a reminder nobody read: someone must fix the address at once.
    this.bounceAlarm = new Alarm(this, 'BouncesOrComplaints', {
      alarmDescription: 'A notification e-mail bounced, was rejected or drew a complaint: check the recipient’s address in the matter’s team',
      metric: this.eventsTopic.metricNumberOfMessagesPublished({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    this.environment = {
      MAIL_FROM: mail.from,
      SES_CONFIGURATION_SET: this.configurationSet.configurationSetName,
      SES_IDENTITY_ARN: this.identityArn,
    };
  }

  /** SendEmail from this identity, through this configuration set, and nothing else. */
  grantSend(grantee: IGrantable & { addToRolePolicy(s: PolicyStatement): void }): void {
    grantee.addToRolePolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources: [this.identityArn, this.configurationSetArn] }));
  }
}
