/**
 * Named lifecycle scenarios for counting Step Functions state transitions (what Standard
 * workflows bill) on the local runner: the real ASL, DynamoDB Local, the HTTP API, and the
 * clock moved from timer to timer so each wait's timeout fires when it would on AWS.
 */
import type { LocalStack } from '../local/runtime';

export interface Scenario {
  name: string;
  what: string;
  /** Runs the scenario from `start`; returns the item whose executions are counted. */
  run(stack: LocalStack, step: Steps): Promise<string>;
}

export interface Steps {
  intake(): Promise<string>;
  event(id: string, body: Record<string, unknown>): Promise<void>;
  /** Moves the clock to `iso`, firing every wait timeout that falls due on the way, in order. */
  advanceTo(iso: string): Promise<void>;
}

const REQUEST = {
  kind: 'foia',
  agency: 'IRS',
  requester: { name: 'Bench Requester', email: 'bench@example.org' },
  description: 'Records of the data-sharing agreement between the IRS and ICE.',
  feeWaiver: { requested: false },
  expedited: { requested: false },
};

export const START = '2026-03-02T15:00:00Z';

export const SCENARIOS: Scenario[] = [
  {
    name: 'simple',
    what: 'intake, acknowledged, full grant, final release',
    async run(_stack, s) {
      const id = await s.intake();
      await s.advanceTo('2026-03-04T15:00:00Z');
      await s.event(id, { type: 'acknowledged', at: '2026-03-04', trackingNumber: 'F26061-0001' });
      await s.advanceTo('2026-03-20T15:00:00Z');
      await s.event(id, { type: 'determination', at: '2026-03-20', outcome: 'full_grant' });
      await s.event(id, { type: 'records_released', at: '2026-03-20', final: true });
      return id;
    },
  },
  {
    name: 'appealed',
    what: 'tolled, extended, denied, appealed, appeal denied (remedies exhausted), closed',
    async run(_stack, s) {
      const id = await s.intake();
      await s.advanceTo('2026-03-09T15:00:00Z');
      await s.event(id, { type: 'info_request_sent', at: '2026-03-09' });
      await s.advanceTo('2026-03-16T15:00:00Z');
      await s.event(id, { type: 'info_response_received', at: '2026-03-16' });
      await s.advanceTo('2026-03-25T15:00:00Z');
      await s.event(id, { type: 'extension_notice', at: '2026-03-25', workingDays: 10 });
      await s.advanceTo('2026-04-20T15:00:00Z');
      await s.event(id, { type: 'determination', at: '2026-04-20', outcome: 'denial' });
      await s.advanceTo('2026-05-15T15:00:00Z');
      await s.event(id, { type: 'appeal_filed', at: '2026-05-15' });
      await s.advanceTo('2026-06-26T15:00:00Z');
      await s.event(id, { type: 'appeal_decided', at: '2026-06-26', outcome: 'denied' });
      await s.advanceTo('2026-07-10T15:00:00Z');
      await s.event(id, { type: 'closed', at: '2026-07-10' });
      return id;
    },
  },
  {
    name: 'idle-6-months',
    what: 'intake, then six months with no event (the response deadline passes unmet)',
    async run(_stack, s) {
      const id = await s.intake();
      await s.advanceTo('2026-09-02T15:00:00Z');
      return id;
    },
  },
];

/** Runs one scenario on a started stack and counts the transitions of the item's executions. */
export async function countTransitions(stack: LocalStack, scenario: Scenario, teamToken: string): Promise<number> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${stack.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${teamToken}` }, body: JSON.stringify(body) });
    const json = (await res.json()) as { id?: string };
    if (res.status >= 300) throw new Error(`${scenario.name}: ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
  const ids: string[] = [];
  const executionsOf = (id: string) => stack.workflows.list().filter((e) => e.name === id || e.name.startsWith(`${id}-g`));
  const settle = async () => {
    for (const id of ids) {
      const latest = executionsOf(id).at(-1);
      if (latest) await stack.workflows.settled(latest.name);
    }
  };
  await stack.setClock(START);
  const steps: Steps = {
    async intake() {
      const { id } = await post('/api/requests', REQUEST);
      ids.push(id!);
      await settle();
      return id!;
    },
    async event(id, body) {
      await post(`/api/requests/${id}/events`, body);
      await settle();
    },
    async advanceTo(iso) {
      const target = Date.parse(iso);
      for (;;) {
        await settle();
        const next = stack.workflows.nextTimeout();
        if (next === undefined || next > target) break;
        await stack.setClock(new Date(next).toISOString());
      }
      await stack.setClock(iso);
      await settle();
    },
  };
  const id = await scenario.run(stack, steps);
  await settle();
  return executionsOf(id).reduce((n, e) => n + e.transitions.length, 0);
}
