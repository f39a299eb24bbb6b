import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule as EventSchedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IDestination } from 'aws-cdk-lib/aws-lambda';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { statesActionsOf } from '../permissions';
import { SWEEP_ENTRY } from '../../functions/routes';
import type { StageConfig } from '../config';
import { acknowledge, REASONS } from '../nag';
import { DocketwatchFunction } from './function';
import type { Mail } from './mail';
import type { Workflow } from './workflow';

export interface ScheduleProps {
  readonly config: StageConfig;
  readonly key: IKey;
  readonly table: ITable;
  readonly workflow: Workflow;
  readonly environment: Record<string, string>;
  readonly mail: Mail;
}

/**
 * The reminder sweep: an EventBridge rule every hour invokes the sweep asynchronously; after
 * the retries a failed event lands in an encrypted dead-letter queue (from EventBridge when the
 * invocation itself fails, from Lambda when the function fails), and the monitoring alarms on it.
 */
export class Schedule extends Construct {
  readonly sweep: DocketwatchFunction;
  readonly deadLetterQueue: Queue;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: ScheduleProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'SweepDeadLetters', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const queue = this.deadLetterQueue;
    acknowledge(queue, 'AwsSolutions-SQS3', REASONS.deadLetterQueue);
    // SqsDestination would grant kms:GenerateDataKey* / kms:ReEncrypt*; bind the ARN and grant
    // exact actions below instead.
    const onFailure: IDestination = { bind: () => ({ destination: queue.queueArn }) };

    this.sweep = new DocketwatchFunction(this, 'Sweep', {
      entryName: SWEEP_ENTRY,
      config: props.config,
      logKey: props.key,
      table: props.table,
      tableAccess: 'readwrite',
      description: 'Docketwatch reminder sweep (hourly)',
      timeout: Duration.minutes(5),
      reservedConcurrentExecutions: props.config.reservedConcurrency.sweep,
      onFailure,
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
      environment: {
        ...props.environment,
        STATE_MACHINE_ARN: props.workflow.lifecycle.stateMachineArn,
        ...props.mail.environment,
      },
    });
    this.sweep.addToRolePolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }));
    props.mail.grantSend(this.sweep);
    this.sweep.addToRolePolicy(new PolicyStatement({ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [props.key.keyArn] }));
    // Restarts executions from the table.
    props.workflow.grantActions(this.sweep, statesActionsOf(SWEEP_ENTRY));

    this.rule = new Rule(this, 'Hourly', {
      description: 'Docketwatch reminder sweep, every hour',
      schedule: EventSchedule.rate(Duration.hours(1)),
      targets: [
        new LambdaFunction(this.sweep, {
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
          deadLetterQueue: queue,
        }),
      ],
    });
  }
}
