/** SES receiving for the intake address: the rule, the encrypted bucket, the function and its grants. */
import { describe, expect, it } from 'vitest';
import { MAIL_RECEIVE_ENTRY } from '../../functions/routes';
import { dataKeyArn, resourcesOf, synth } from './synth';

describe('mail in (SES receiving)', () => {
  const s = synth();
  const t = s.template.toJSON();
  const bucketId = s.main.getLogicalId(s.main.mailIntake.bucket.node.defaultChild as never);
  const fnId = s.main.getLogicalId(s.main.functions.get(MAIL_RECEIVE_ENTRY)!.node.defaultChild as never);

  it('one receipt rule for the intake address: scanned, TLS required, stored in the mail bucket, then the mail function', () => {
    const rules = resourcesOf(s.template, 'AWS::SES::ReceiptRule');
    expect(rules).toHaveLength(1);
    const rule = (rules[0]![1].Properties as any).Rule;
    expect(rule).toMatchObject({ Enabled: true, Recipients: ['intake@mail.example.org'], ScanEnabled: true, TlsPolicy: 'Require' });
    expect(rule.Actions[0].S3Action).toMatchObject({ BucketName: { Ref: bucketId }, ObjectKeyPrefix: 'inbound/' });
    expect(rule.Actions[1].LambdaAction).toMatchObject({ FunctionArn: { 'Fn::GetAtt': [fnId, 'Arn'] }, InvocationType: 'Event' });
  });

  it('the bucket is encrypted with the stack key, versioned and retained; SES may encrypt with the key only for this rule set', () => {
    const bucket = t.Resources[bucketId];
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: dataKeyArn(s) });
    const [[, key]] = resourcesOf(s.template, 'AWS::KMS::Key') as [[string, any]];
    const ses = key.Properties.KeyPolicy.Statement.find((st: { Sid?: string }) => st.Sid === 'SesReceivingEncryptsStoredMail');
    expect(ses.Principal).toEqual({ Service: 'ses.amazonaws.com' });
    expect([ses.Action].flat().sort()).toEqual(['kms:Encrypt', 'kms:GenerateDataKey']);
    expect(JSON.stringify(ses.Condition.ArnLike['aws:SourceArn'])).toContain(':receipt-rule-set/Docketwatch-dev-mail-intake:receipt-rule/*');
  });

  it('the mail function may read the stored messages and nothing else of the bucket', () => {
    const roleId = s.main.getLogicalId(s.main.functions.get(MAIL_RECEIVE_ENTRY)!.role!.node.defaultChild as never);
    const statements = resourcesOf(s.template, 'AWS::IAM::Policy')
      .filter(([, p]) => (p.Properties!.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
      .flatMap(([, p]) => p.Properties!.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const s3 = statements.filter((st) => [st.Action].flat().some((a) => a.startsWith('s3:')));
    expect(s3).toEqual([expect.objectContaining({ Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/inbound/*']] } })]);
    // SES alone may invoke it.
    const permissions = resourcesOf(s.template, 'AWS::Lambda::Permission').filter(([, p]) => JSON.stringify(p.Properties!.FunctionName).includes(fnId));
    expect(permissions.map(([, p]) => p.Properties!.Principal)).toEqual(['ses.amazonaws.com']);
  });
});
