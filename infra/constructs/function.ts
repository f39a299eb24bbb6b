import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, LoggingFormat, ApplicationLogLevel, SystemLogLevel, Runtime } from 'aws-cdk-lib/aws-lambda';
import type { IDestination } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { DataIdentifier, DataProtectionPolicy, LogGroup } from 'aws-cdk-lib/aws-logs';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import type { Access } from '../../functions/routes';
import { TABLE_DEFINITION } from '../../functions/lib/table-definition';
import type { StageConfig } from '../config';
import { dynamoActionsOf } from '../permissions';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FUNCTIONS_DIR = path.join(PROJECT_ROOT, 'functions');

/**
 * Key actions by table access: reads decrypt, writes also encrypt. The DynamoDB actions are
 * each function's own (infra/permissions.ts), never a mode's superset. CDK's grantReadData /
 * grantReadWriteData would add `kms:GenerateDataKey*`, `kms:ReEncrypt*` and `dynamodb:Scan`.
 */
export const TABLE_KEY_ACTIONS: Record<Access, string[]> = {
  read: ['kms:Decrypt', 'kms:DescribeKey'],
  readwrite: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
};

/** One bundling style for every function (STYLE.md 6). */
export const BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  target: 'node24',
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  sourceMapMode: SourceMapMode.DEFAULT,
  sourcesContent: false,
  // Pin the SDK version the tests ran against instead of the runtime's.
  bundleAwsSDK: true,
  // CommonJS dependencies inside an ESM bundle still call require() for built-ins.
  banner: "import { createRequire as __dwCreateRequire } from 'node:module'; const require = __dwCreateRequire(import.meta.url);",
};

export interface DocketwatchFunctionProps {
  /** Entry file under functions/, without extension (`intake` → functions/intake.ts). */
  readonly entryName: string;
  readonly config: StageConfig;
  /** The customer-managed key: encrypts the function's log group. */
  readonly logKey: IKey;
  readonly table: ITable;
  readonly tableAccess: Access;
  readonly environment?: Record<string, string>;
  readonly reservedConcurrentExecutions?: number;
  readonly description?: string;
  readonly timeout?: Duration;
  /** Asynchronous invocations only: where a failed event goes after the retries. */
  readonly onFailure?: IDestination;
  readonly retryAttempts?: number;
  readonly maxEventAge?: Duration;
}

/**
 * Every Lambda of Docketwatch: Node.js 24 on arm64, an ESM bundle by esbuild with the AWS SDK
 * v3 bundled and tree-shaken (`module` before `main`), minified, with source maps; its own log
 * group (KMS-encrypted, retention by stage, personal data masked); its own role with only the
 * log and table permissions it needs (no AWSLambdaBasicExecutionRole managed policy).
 */
export class DocketwatchFunction extends NodejsFunction {
  readonly entryName: string;

  constructor(scope: Construct, id: string, props: DocketwatchFunctionProps) {
    const { config } = props;
    // Created beside the function (not inside it): both must exist before super() runs.
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: config.logRetention,
      encryptionKey: props.logKey,
      removalPolicy: config.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      // Defence in depth: handlers never log personal data (functions/lib/logger.ts, no whole events), and
      // anything that slips through is masked before anyone reads it.
      dataProtectionPolicy: new DataProtectionPolicy({
        name: 'mask-personal-data',
        identifiers: [DataIdentifier.EMAILADDRESS, DataIdentifier.NAME, DataIdentifier.ADDRESS, DataIdentifier.PHONENUMBER_US, DataIdentifier.SSN_US],
      }),
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.entryName} function`,
    });

    super(scope, id, {
      entry: path.join(FUNCTIONS_DIR, `${props.entryName}.ts`),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: config.functionMemoryMb,
      timeout: props.timeout ?? config.functionTimeout,
      description: props.description ?? `Docketwatch ${props.entryName}`,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      onFailure: props.onFailure,
      retryAttempts: props.retryAttempts,
      maxEventAge: props.maxEventAge,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'docketwatch',
        POWERTOOLS_METRICS_NAMESPACE: 'Docketwatch',
        TABLE_NAME: props.table.tableName,
        ...props.environment,
      },
      bundling: BUNDLING,
    });
    this.entryName = props.entryName;

    role.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    this.grantTable(props.table, props.tableAccess);
  }

  /** The entry's own DynamoDB actions, on the table and its indexes, with the key actions of its access mode. */
  private grantTable(table: ITable, access: Access): void {
    const actions = dynamoActionsOf(this.entryName);
    const dataPlane = actions.filter((a) => a !== 'dynamodb:DescribeTable');
    if (dataPlane.length > 0) {
      this.addToRolePolicy(
        new PolicyStatement({
          actions: dataPlane,
          // Each index by name (no `index/*`): a new index in TABLE_DEFINITION is granted here too.
          resources: [table.tableArn, ...TABLE_DEFINITION.indexes.map((index) => `${table.tableArn}/index/${index.name}`)],
        }),
      );
    }
    // Health: the table answers. A control-plane action on the table itself.
    if (actions.includes('dynamodb:DescribeTable')) this.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:DescribeTable'], resources: [table.tableArn] }));
    if (dataPlane.length > 0 && table.encryptionKey) {
      this.addToRolePolicy(new PolicyStatement({ actions: TABLE_KEY_ACTIONS[access], resources: [table.encryptionKey.keyArn] }));
    }
  }
}
