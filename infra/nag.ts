import { Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

/**
 * Every cdk-nag acknowledgement, with its reason, in one place (README.md, "cdk-nag
 * acknowledgements", lists them).
 * Each is applied to the narrowest construct that causes it, with the exact finding id.
 */
export const REASONS = {
  publicRoute:
    'AwsSolutions-APIG4: public by design (health check, record-request intake, tracking lookup; calendar feeds and the docket webhook carry a revocable secret in the URL, checked by the handler). Rate-limited by WAF at CloudFront and by per-route stage throttling; publicOrTeam handlers verify an optional Cognito bearer token themselves.',
  geoRestriction:
    'AwsSolutions-CFR1: FOIA and Privacy Act requesters may write from anywhere; the coalition does not want to refuse requests by country. WAF IP reputation and rate rules apply instead.',
  defaultCertificate:
    'AwsSolutions-CFR4: the distribution uses the *.cloudfront.net default certificate, whose viewer security policy is fixed by CloudFront (TLSv1). A custom domain with an ACM certificate and TLSv1.2_2021 is the follow-up; viewers are redirected to HTTPS and the origin uses TLSv1.2.',
  siteObjects:
    'AwsSolutions-IAM5: the site deployment writes and prunes every object of the site bucket (object keys are the files of web/, unknown to IAM). The bucket holds only public pages.',
  stateMachineVendedLogsAndXray:
    'AwsSolutions-IAM5: X-Ray (PutTraceSegments, PutTelemetryRecords, GetSampling*) and CloudWatch Logs vended-log delivery (CreateLogDelivery, PutResourcePolicy, ...) do not support resource-level permissions; actions are listed explicitly, none is a wildcard.',
  deadLetterQueue:
    'AwsSolutions-SQS3: this queue IS the dead-letter store of the reminder sweep (Lambda on-failure destination and EventBridge target DLQ); cdk-nag only recognises redrive-policy DLQs. An alarm fires on its first message.',
  mailObjects:
    "AwsSolutions-IAM5: the mail function reads the messages SES receiving stores under inbound/<SES message id>; the ids are SES's, unknown to IAM. s3:GetObject only, on that prefix of the mail bucket only.",
  bucketDeploymentRuntime:
    'AwsSolutions-L1: the S3 BucketDeployment handler is CDK\'s own Python function; its runtime is chosen by aws-cdk-lib and moves with CDK upgrades. Our functions are on nodejs24.x.',
} as const;

export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Acknowledge `AwsSolutions-IAM5[Resource::<resource>]` for one resource ARN, computing the
 * finding id exactly as cdk-nag does (resolved, then flattened), so the id never drifts from
 * the policy it excuses.
 */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  const flat = flattenCfnReference(Stack.of(scope).resolve(resource));
  acknowledge(scope, `AwsSolutions-IAM5[Resource::${flat}]`, reason);
}
