/** The deployment setting of who unassigned public requests go to: required, checked, passed to the functions. */
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build';
import { resourcesOf, synth, TEST_INTAKE_TEAM } from './synth';

describe('intakeTeam', () => {
  it('reaches every function as INTAKE_TEAM, the intake function among them', () => {
    const { template, main } = synth();
    const intakeId = main.getLogicalId(main.functions.get('intake')!.node.defaultChild as never);
    const ours = resourcesOf(template, 'AWS::Lambda::Function').filter(([, r]) => r.Properties?.Environment?.Variables?.TABLE_NAME);
    expect(ours.length).toBe(main.functions.size);
    for (const [id, fn] of ours) expect(JSON.parse(fn.Properties!.Environment.Variables.INTAKE_TEAM), id).toEqual(TEST_INTAKE_TEAM);
    expect(ours.map(([id]) => id)).toContain(intakeId);
  });

  it('is checked when given, and its absence synthesizes with a warning that public requests would remind no one', () => {
    const { app } = buildApp({ context: { 'aws:cdk:bundling-stacks': [] } });
    const warnings = app.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
    expect(warnings.some((w) => /No intakeTeam: public requests not yet filed under a matter will remind no one/.test(w))).toBe(true);
    // Nor is mailFrom required to synthesize: the placeholder can never be verified, and the warning says so.
    expect(warnings.some((w) => /No mailFrom: notifications would be sent from Docketwatch <notifications@docketwatch\.invalid>, which SES can never verify/.test(w))).toBe(true);
    expect(() => buildApp({ context: { 'aws:cdk:bundling-stacks': [], intakeTeam: '[]' } })).toThrow(/intakeTeam must list at least one person/);
    expect(() => buildApp({ context: { 'aws:cdk:bundling-stacks': [], intakeTeam: '[{"id":"x","name":"X","email":"not-an-email","role":"Clerk"}]' } })).toThrow(
      /intakeTeam\[0\]\.email/,
    );
  });
});
