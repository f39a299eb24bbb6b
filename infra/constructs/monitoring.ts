import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, Metric, TreatMissingData, type IAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { StageConfig } from '../config';
import { entryId } from '../route-plan';

export interface MonitoringProps {
  readonly config: StageConfig;
  readonly key: IKey;
  /** Every function by entry name. */
  readonly functions: ReadonlyMap<string, IFunction>;
  readonly stateMachines: ReadonlyMap<string, IStateMachine>;
  readonly deadLetterQueues: readonly IQueue[];
  readonly sweep: IFunction;
  readonly httpApi: IHttpApi;
  /** Alarms made by other constructs (mail bounces), paged like these. */
  readonly otherAlarms?: readonly Alarm[];
}

const FIVE_MINUTES = Duration.minutes(5);

/** Alarms to an encrypted operations topic (subscribe the on-call emails to it). */
export class Monitoring extends Construct {
  readonly opsTopic: Topic;
  readonly alarms: IAlarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { alarms: thresholds } = props.config;
    this.opsTopic = new Topic(this, 'OpsTopic', { displayName: 'Docketwatch operations', masterKey: props.key, enforceSSL: true });
    const action = new SnsAction(this.opsTopic);
    const add = (alarm: Alarm): void => {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      this.alarms.push(alarm);
    };

    for (const alarm of props.otherAlarms ?? []) add(alarm);

    for (const [entry, fn] of props.functions) {
      const name = entryId(entry);
      add(
        new Alarm(this, `${name}Errors`, {
          alarmDescription: `${entry}: function errors`,
          metric: fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
          threshold: thresholds.functionErrors,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
      add(
        new Alarm(this, `${name}Throttles`, {
          alarmDescription: `${entry}: throttled invocations`,
          metric: fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
          threshold: thresholds.functionThrottles,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    for (const [name, machine] of props.stateMachines) {
      const id = entryId(name);
      add(
        new Alarm(this, `${id}ExecutionsFailed`, {
          alarmDescription: `${name}: an execution failed (its item is flagged for attention)`,
          metric: machine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' }),
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
      add(
        new Alarm(this, `${id}ExecutionsTimedOut`, {
          alarmDescription: `${name}: an execution timed out`,
          metric: machine.metricTimedOut({ period: FIVE_MINUTES, statistic: 'Sum' }),
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    props.deadLetterQueues.forEach((queue, i) => {
      add(
        new Alarm(this, `DeadLetters${i}`, {
          alarmDescription: 'A failed event is waiting in a dead-letter queue',
          metric: queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }),
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    });

    // The sweep runs hourly: two hours without a single invocation (missing data counts as
    // "did not run") means reminders have stopped.
    add(
      new Alarm(this, 'SweepNotRunning', {
        alarmDescription: 'The reminder sweep has not run for two hours',
        metric: props.sweep.metricInvocations({ period: Duration.hours(1), statistic: 'Sum' }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: 2,
        datapointsToAlarm: 2,
        treatMissingData: TreatMissingData.BREACHING,
      }),
    );

    add(
      new Alarm(this, 'Api5xx', {
        alarmDescription: 'The HTTP API answered with 5xx',
        metric: new Metric({
          namespace: 'AWS/ApiGateway',
          metricName: '5xx',
          dimensionsMap: { ApiId: props.httpApi.apiId },
          period: FIVE_MINUTES,
          statistic: 'Sum',
        }),
        threshold: thresholds.api5xx,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}
