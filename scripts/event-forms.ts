/**
 * The dashboard's event forms (web/event-types.js), generated from the server's event schemas:
 * which events each collection takes, each field's control, whether it is required and its
 * bounds and values come from the schema's JSON Schema; the words on the page come from here.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { eventBody, eventTypesFor } from '../core/lifecycle/events';
import type { ItemKind } from '../core/model';

type Copy = { label: string; options?: Record<string, string>; control?: 'checkbox' | 'select' };

/** Per collection: its events in the order the form lists them, with the words for each. */
const FORMS: Record<string, { kind: ItemKind; events: [type: string, label: string][] }> = {
  requests: {
    kind: 'foia',
    events: [
      ['received', 'Received by the component that processes it'],
      ['acknowledged', 'Acknowledged by the agency'],
      ['info_request_sent', 'Agency asked for information (tolls the clock)'],
      ['info_response_received', 'Answer to the information request received'],
      ['fee_clarification_sent', 'Agency asked for fee clarification (tolls the clock)'],
      ['fee_clarification_received', 'Fee clarification received'],
      ['extension_notice', 'Extension notice (unusual circumstances)'],
      ['expedite_decided', 'Expedited processing decided'],
      ['determination', 'Determination issued'],
      ['records_released', 'Records released'],
      ['appeal_filed', 'Administrative appeal filed'],
      ['appeal_decided', 'Appeal decided'],
      ['lawsuit_filed', 'Lawsuit filed'],
      ['withdrawn', 'Withdrawn'],
      ['closed', 'Closed'],
    ],
  },
  productions: {
    kind: 'record_production',
    events: [['produced', 'Produced'], ['objection_filed', 'Objections filed'], ['supplement_ordered', 'Supplement ordered'], ['extension_granted', 'Extension granted'], ['closed', 'Closed']],
  },
  filings: {
    kind: 'filing',
    events: [
      ['filed', 'Filed'],
      ['extension_granted', 'Extension granted'],
      ['opposition_served', 'Opposition served on the team (starts the reply)'],
      ['trigger_changed', 'Trigger date changed'],
      ['hearing_set', 'Hearing set'],
      ['vacated', 'Vacated'],
      ['closed', 'Closed'],
    ],
  },
  notices: {
    kind: 'disclosure_notice',
    events: [['emergency_motion_filed', 'Emergency motion filed'], ['disclosure_occurred', 'Disclosure occurred'], ['withdrawn', 'Notice withdrawn'], ['closed', 'Closed']],
  },
};

const SERVICE: Copy = {
  label: 'How it was served',
  options: { electronic: 'Electronically (CM/ECF)', mail: 'By mail (+3 days, FRCP 6(d))', hand: 'By hand', consented_other: 'Other consented means (+3 days)' },
};

/** The words for each field, by event type then field. */
const FIELDS: Record<string, Record<string, Copy>> = {
  received: { byComponent: { label: 'Component that received it' } },
  acknowledged: { trackingNumber: { label: 'Agency tracking number' } },
  extension_notice: { workingDays: { label: 'Extra working days (at most 10)' } },
  expedite_decided: { granted: { label: 'Granted?', control: 'select', options: { true: 'Granted', false: 'Denied' } } },
  determination: { outcome: { label: 'Outcome', options: { full_grant: 'Full grant', partial_grant: 'Partial grant', denial: 'Denial', no_records: 'No records' } } },
  appeal_decided: { outcome: { label: 'Outcome', options: { granted: 'Granted', partially_granted: 'Granted in part', denied: 'Denied', remanded: 'Remanded' } } },
  records_released: { final: { label: 'This is the final release', control: 'checkbox' } },
  lawsuit_filed: { caseNumber: { label: 'Case number' } },
  closed: { reason: { label: 'Reason' } },
  extension_granted: { newDue: { label: 'New due date' } },
  produced: { objectionDays: { label: 'Days allowed for objections (if the order sets them)' } },
  supplement_ordered: { due: { label: 'Supplement due on (or give the days below)' }, days: { label: 'Or: due this many days after the order' } },
  trigger_changed: { triggerAt: { label: 'New trigger date' }, service: SERVICE },
  opposition_served: { service: SERVICE },
  hearing_set: { hearingAt: { label: 'Hearing date' }, days: { label: 'Due how many days before the hearing' } },
};

type Json = { type?: string; enum?: string[]; minimum?: number; maximum?: number; anyOf?: Json[]; description?: string };
// Every date field of an event is a moment (core/schema.ts), which says so in its description.
const MOMENT = /ISO date/;

function field(type: string, name: string, schema: Json, required: boolean) {
  const copy = FIELDS[type]?.[name];
  if (!copy) throw new Error(`no words for the field ${name} of ${type}: add them to scripts/event-forms.ts`);
  const s = schema.anyOf?.find((x) => x.type !== 'null') ?? schema;
  const out: Record<string, unknown> = { name, label: copy.label };
  if (s.type === 'boolean') {
    if (copy.control === 'checkbox') return { ...out, type: 'checkbox' };
    return { ...out, type: 'select', options: Object.entries(copy.options ?? {}), boolean: true, ...(required ? { required } : {}) };
  }
  if (s.enum) {
    const options = s.enum.map((v) => [v, copy.options?.[v] ?? v]);
    return { ...out, type: 'select', ...(required ? { required } : {}), options };
  }
  if (s.type === 'number' || s.type === 'integer') return { ...out, type: 'number', min: s.minimum, max: s.maximum, ...(required ? { required } : {}) };
  return { ...out, type: s.description && MOMENT.test(s.description) ? 'date' : 'text', ...(required ? { required } : {}) };
}

export function eventFormsText(): string {
  const now = new Date();
  const forms: Record<string, unknown[]> = {};
  for (const [collection, { kind, events }] of Object.entries(FORMS)) {
    const accepted = eventTypesFor(kind).map((e) => e.type).sort();
    const listed = events.map(([t]) => t).sort();
    if (JSON.stringify(accepted) !== JSON.stringify(listed)) throw new Error(`${collection}: the form lists ${listed.join(', ')} but the server takes ${accepted.join(', ')}`);
    forms[collection] = events.map(([type, label]) => {
      const schema = toJsonSchema(eventBody(type, now), { errorMode: 'ignore', typeMode: 'input' }) as { properties: Record<string, Json>; required?: string[] };
      const fields = Object.entries(schema.properties)
        .filter(([name]) => name !== 'type' && name !== 'at')
        .map(([name, s]) => field(type, name, s, schema.required?.includes(name) ?? false));
      return [type, label, fields];
    });
  }
  return `// Generated by npm run generate:forms from the server's event schemas (core/lifecycle/events.ts)\n// and the words in scripts/event-forms.ts; test/unit/event-types.test.ts holds it equal.\nexport const EVENT_TYPES = ${JSON.stringify(forms, null, 2)};\n`;
}
