import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Policy, PolicyStatement, ServicePrincipal, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { CfnStateMachine, DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { readFileSync } from 'node:fs';
import { listAslFiles, renderAsl, substitutionFor } from '../asl';
import type { StageConfig } from '../config';
import { acknowledge, REASONS } from '../nag';
import type { StatesAction } from '../permissions';

/** The state machine the handlers start and signal (STATE_MACHINE_ARN). */
export const LIFECYCLE_MACHINE = 'item-lifecycle';
/** The state machine that runs background jobs (JOB_MACHINE_ARN). */
export const JOB_MACHINE = 'calendar-job';

export interface WorkflowProps {
  readonly config: StageConfig;
  readonly key: IKey;
  readonly aslDir: string;
  /**
   * The functions the ASL files call, by entry: `${WorkflowTaskFunctionArn}` is the entry
   * `workflow-task`, `${JobTaskFunctionArn}` the entry `job-task`.
   */
  readonly taskFunctions: ReadonlyMap<string, IFunction>;
}


/**
 * One Standard state machine per `statemachines/*.asl.json`. The definition stays inline (the
 * ASL text with its substitutions resolved), so tests can read it. CDK derives no IAM from an
 * ASL string: the role gets exactly lambda:InvokeFunction on the task function.
 */
export class Workflow extends Construct {
  readonly machines: ReadonlyMap<string, StateMachine>;
  readonly lifecycle: StateMachine;
  readonly jobs: StateMachine;
  private readonly key: IKey;

  constructor(scope: Construct, id: string, props: WorkflowProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = props.key;
    const tasks = [...props.taskFunctions].map(([entry, fn]) => ({ placeholder: substitutionFor(entry), fn }));
    const substitutions = Object.fromEntries(tasks.map((t) => [t.placeholder, t.fn.functionArn]));

    // Log delivery reads the key to write execution logs into the encrypted log group.
    props.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'LogDeliveryWritesStateMachineLogs',
        principals: [new ServicePrincipal('delivery.logs.amazonaws.com')],
        actions: ['kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );

    const machines = new Map<string, StateMachine>();
    for (const file of listAslFiles(props.aslDir)) {
      const logGroup = new LogGroup(this, `${file.name}Logs`, {
        retention: props.config.logRetention,
        encryptionKey: props.key,
        removalPolicy: props.config.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
      const machine = new StateMachine(this, file.name, {
        comment: `Docketwatch ${file.name} (${file.path.slice(file.path.lastIndexOf('statemachines'))})`,
        definitionBody: DefinitionBody.fromString(renderAsl(file.path, substitutions)),
        stateMachineType: StateMachineType.STANDARD,
        tracingEnabled: true,
        // Execution data (inputs, outputs) stays in the execution history, out of the logs.
        logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
      });
      // Customer-managed encryption set on the L1: the L2 option adds `kms:Decrypt*` for log
      // delivery to the key policy; the explicit statements here and above replace it.
      (machine.node.defaultChild as CfnStateMachine).encryptionConfiguration = {
        type: 'CUSTOMER_MANAGED_KMS_KEY',
        kmsKeyId: props.key.keyArn,
        kmsDataKeyReusePeriodSeconds: 300,
      };
      machine.addToRolePolicy(
        new PolicyStatement({
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: [props.key.keyArn],
          conditions: {
            StringLike: {
              'kms:EncryptionContext:aws:states:stateMachineArn': `arn:${stack.partition}:states:${stack.region}:${stack.account}:stateMachine:*`,
            },
          },
        }),
      );
      machine.addToRolePolicy(
        new PolicyStatement({
          actions: ['kms:GenerateDataKey'],
          resources: [props.key.keyArn],
          conditions: { StringLike: { 'kms:EncryptionContext:SourceArn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:*` } },
        }),
      );
      // Unqualified ARNs only, and only the functions this file calls: the ASL invokes
      // `${WorkflowTaskFunctionArn}` (or `${JobTaskFunctionArn}`), never a version or alias.
      const text = readFileSync(file.path, 'utf8');
      const invoked = tasks.filter((t) => text.includes('${' + t.placeholder + '}')).map((t) => t.fn.functionArn);
      machine.addToRolePolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: invoked }));
      acknowledge(machine.role, 'AwsSolutions-IAM5[Resource::*]', REASONS.stateMachineVendedLogsAndXray);
      // "Continue as a new execution" starts this same machine before the one-year limit. A
      // separate policy: on the role's default policy it would make the machine depend on itself.
      new Policy(this, `${file.name}ContinueAsNew`, {
        roles: [machine.role],
        statements: [new PolicyStatement({ actions: ['states:StartExecution'], resources: [machine.stateMachineArn] })],
      });
      machines.set(file.name, machine);
    }
    const machine = (name: string) => {
      const found = machines.get(name);
      if (!found) throw new Error(`statemachines/${name}.asl.json is missing`);
      return found;
    };
    this.machines = machines;
    this.lifecycle = machine(LIFECYCLE_MACHINE);
    this.jobs = machine(JOB_MACHINE);
  }

  /**
   * The Step Functions actions a function's code calls (infra/permissions.ts) on the lifecycle
   * machine: StartExecution (intake, item creation, the sweep), SendTaskSuccess (waking a wait),
   * DescribeStateMachine (health); with the key that encrypts inputs and outputs.
   */
  grantActions(grantee: IGrantable, actions: readonly StatesAction[], on: StateMachine = this.lifecycle): void {
    if (actions.length === 0) return;
    on.grant(grantee, ...actions);
    this.grantKey(grantee);
  }

  /** Callers of an encrypted state machine need the key to encrypt inputs and read outputs. */
  private grantKey(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [this.key.keyArn] }),
    );
  }
}
