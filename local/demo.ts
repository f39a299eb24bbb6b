/**
 * The demo matter from shared/CONTEXT.md: Center for Taxpayer Rights v. IRS, with a small team.
 * Loaded on first start; a later start leaves whatever the team changed.
 */
import { DEMO_MATTER, DEMO_USER } from './demo-matter';

export { DEMO_INTAKE_TEAM, DEMO_MATTER, DEMO_USER } from './demo-matter';

/**
 * Items of the demo matter, dated relative to the runtime clock at first start so the dashboard
 * has something due: the administrative record (produced on time, from the real order), an
 * opposition due in about ten days, FOIA and Privacy Act requests in several phases. Built with
 * the same core functions and committed through the same store as the API uses.
 */
export async function seedDemoItems(now: Date): Promise<number> {
  const { validateIntake } = await import('../core/intake');
  const { newRecordRequest } = await import('../core/items');
  const { newCourtItem, validateCourtItem } = await import('../core/court-items');
  const { applyEvent, parseEvent } = await import('../core/lifecycle');
  const { dateIn } = await import('../core/time');
  const { createItem, updateItem } = await import('../functions/lib/item-store');
  const { newId } = await import('../functions/lib/ids');
  const { loadCalendar } = await import('../functions/lib/calendar-store');
  const calendar = await loadCalendar();
  const daysAgo = (n: number) => dateIn(new Date(now.getTime() - n * 86_400_000));
  const by = DEMO_USER.sub;
  const ctx = (id: string) => ({ id, now, createdBy: by, matter: DEMO_MATTER, newDeadlineId: newId, calendar });

  const built = [];
  const production = validateCourtItem('record_production', { matterId: DEMO_MATTER.id, title: 'Administrative record (certified list and record)', order: { orderedAt: '2025-09-09', days: 45 } }, now);
  if (production.ok) built.push({ item: newCourtItem(production.value, ctx(newId())), events: [{ type: 'produced', at: '2025-10-24' }] });
  const opposition = validateCourtItem(
    'filing',
    { matterId: DEMO_MATTER.id, title: 'Opposition to motion for stay pending appeal', rule: 'lcvr7b.opposition', trigger: { type: 'motion_served', at: daysAgo(3), service: 'electronic' } },
    now,
  );
  if (opposition.ok) built.push({ item: newCourtItem(opposition.value, ctx(newId())), events: [] });

  const requests: [Record<string, unknown>, Record<string, unknown>[]][] = [
    [{ agency: 'IRS', receivedAt: daysAgo(12), description: 'The IRS-ICE memorandum of understanding on ITIN data and every record of addresses shared under it.' }, [{ type: 'acknowledged', at: daysAgo(10), trackingNumber: '2026-IRS-FOIA-04417' }]],
    [{ agency: 'ICE', receivedAt: daysAgo(20), description: 'Records of requests ICE made to the IRS for taxpayer addresses since January 2025.' }, [{ type: 'info_request_sent', at: daysAgo(6) }]],
    [{ kind: 'privacy_act', agency: 'Treasury', receivedAt: daysAgo(40), description: 'Records about me disclosed by the IRS to any other agency, and the accounting of those disclosures.' }, []],
  ];
  for (const [fields, events] of requests) {
    const input = validateIntake(
      {
        kind: 'foia',
        requester: { name: 'Main Street Alliance', email: 'records@example.org', organization: 'Main Street Alliance' },
        feeWaiver: { requested: true, justification: 'Disclosure is in the public interest: it concerns how the government uses taxpayer data.' },
        expedited: { requested: false },
        matterId: DEMO_MATTER.id,
        ...fields,
      },
      { team: true, now },
    );
    if (input.ok) built.push({ item: newRecordRequest(input.value, ctx(newId())), events });
  }

  for (const { item, events } of built) {
    await createItem(item);
    for (const body of events) {
      await updateItem(item.item.id, (b) => applyEvent(b.item, b.deadlines, parseEvent(b.item.kind, body, now), { now, recordedBy: by, newDeadlineId: newId, calendar }));
    }
  }
  return built.length;
}
