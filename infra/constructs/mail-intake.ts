import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import { ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { Lambda, LambdaInvocationType, S3 } from 'aws-cdk-lib/aws-ses-actions';
import { Construct } from 'constructs';
import { MAIL_OBJECT_PREFIX as MAIL_OBJECT_PREFIX_VALUE } from '../../functions/mail-prefix';
import { MAIL_RECEIVE_ENTRY } from '../../functions/routes';
import type { StageConfig } from '../config';
import { acknowledgeWildcardResource, REASONS } from '../nag';
import { DocketwatchFunction } from './function';

export interface MailIntakeProps {
  readonly config: StageConfig;
  readonly key: Key;
  readonly table: ITable;
  readonly accessLogs: IBucket;
  readonly environment: Record<string, string>;
}

/** Used when the deployment names no intake address: the rule matches no real mailbox. */
export const UNSET_INTAKE_ADDRESS = 'intake@docketwatch.invalid';

/**
 * SES receiving for the intake address: a receipt rule set whose one rule (spam and virus scan,
 * TLS required) stores each message in the mail bucket (SSE-KMS with the stack's key, versioned,
 * retained: what arrived is never lost), then invokes the mail function, which reads it from
 * there into the same intake as POST /api/inbound/email. The rule set must be made active once
 * per region (README, "Mail in").
 */
export class MailIntake extends Construct {
  readonly bucket: Bucket;
  readonly receive: DocketwatchFunction;
  readonly ruleSet: ReceiptRuleSet;

  constructor(scope: Construct, id: string, props: MailIntakeProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { config, key } = props;
    const address = config.mailIntakeAddress ?? UNSET_INTAKE_ADDRESS;

    this.bucket = new Bucket(this, 'Messages', {
      encryption: BucketEncryption.KMS,
      encryptionKey: key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'mail-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // SES writes the objects, so it encrypts them with the key: only for this account's rule set.
    // Named from the stack, not generated: the key policy below must name it without a cycle (key → bucket → rule set).
    const ruleSetName = `${stack.stackName}-mail-intake`;
    const ruleSetArn = `arn:${stack.partition}:ses:${stack.region}:${stack.account}:receipt-rule-set/${ruleSetName}:receipt-rule/*`;
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'SesReceivingEncryptsStoredMail',
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Encrypt'],
        resources: ['*'], // in a key policy, "*" means this key
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account }, ArnLike: { 'aws:SourceArn': ruleSetArn } },
      }),
    );

    this.receive = new DocketwatchFunction(this, 'ReceiveFunction', {
      entryName: MAIL_RECEIVE_ENTRY,
      config,
      logKey: key,
      table: props.table,
      tableAccess: 'readwrite',
      description: 'Docketwatch mail in: SES receiving for the intake address',
      // Parsing a message and its PDF takes longer than an API call.
      timeout: Duration.seconds(60),
      environment: { ...props.environment, MAIL_BUCKET: this.bucket.bucketName },
    });
    // Exactly the call its code makes (infra/permissions.ts), on the objects SES writes.
    this.receive.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [this.bucket.arnForObjects(`${MAIL_OBJECT_PREFIX_VALUE}*`)] }));
    acknowledgeWildcardResource(this.receive.role!, this.bucket.arnForObjects(`${MAIL_OBJECT_PREFIX_VALUE}*`), REASONS.mailObjects);
    key.grantDecrypt(this.receive);

    this.ruleSet = new ReceiptRuleSet(this, 'RuleSet', {
      receiptRuleSetName: ruleSetName,
      rules: [
        {
          recipients: [address],
          scanEnabled: true,
          tlsPolicy: TlsPolicy.REQUIRE,
          actions: [new S3({ bucket: this.bucket, objectKeyPrefix: MAIL_OBJECT_PREFIX_VALUE }), new Lambda({ function: this.receive, invocationType: LambdaInvocationType.EVENT })],
        },
      ],
    });
  }
}
