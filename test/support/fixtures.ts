/** Shared fixtures: one fake Lambda context, and a valid intake body to vary. */
export { fakeContext } from '../../local/server';

export function validIntake(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'foia',
    agency: 'IRS',
    requester: { name: 'Maria Gonzalez', email: 'maria@example.org', organization: 'Main Street Alliance' },
    description: 'All records of the data-sharing agreement between the IRS and ICE concerning ITIN holders.',
    dateRange: { from: '2025-01-01', to: '2025-06-30' },
    feeWaiver: { requested: true, justification: 'Public interest in government operations.' },
    expedited: { requested: false },
    ...overrides,
  };
}
