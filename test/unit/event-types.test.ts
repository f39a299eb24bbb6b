/** The dashboard's event forms offer exactly the events and fields the server accepts: generated from its schemas. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { eventFormsText } from '../../scripts/event-forms';
import type { ItemKind } from '../../core/model';
import { EVENT_FIELD_VALUES, eventTypesFor } from '../../core/lifecycle';

type Field = { name: string; options?: [string, string][] };
const { EVENT_TYPES } = (await import('../../web/event-types.js' as string)) as { EVENT_TYPES: Record<string, [string, string, Field[]][]> };

const KINDS: Record<string, ItemKind> = { requests: 'foia', productions: 'record_production', filings: 'filing', notices: 'disclosure_notice' };

it.each(Object.entries(KINDS))('%s: the same event types and fields as core/transitions', (collection, kind) => {
  const page = (EVENT_TYPES[collection] ?? []).map(([type, , fields]) => ({ type, fields: fields.map((f) => f.name).sort() }));
  const server = eventTypesFor(kind).map(({ type, fields }) => ({ type, fields: [...fields].sort() }));
  expect(page.sort((a, b) => a.type.localeCompare(b.type))).toEqual(server.sort((a, b) => a.type.localeCompare(b.type)));
});

it('offers exactly the values the server accepts for enumerated fields', () => {
  for (const [type, fields] of Object.entries(EVENT_FIELD_VALUES)) {
    const spec = EVENT_TYPES.requests!.find(([t]) => t === type)!;
    for (const [name, values] of Object.entries(fields)) {
      const field = spec[2].find((f) => f.name === name)!;
      expect(field.options!.map(([v]) => v)).toEqual([...values]);
    }
  }
});

it('is the file generated from the event schemas (npm run generate:forms)', () => {
  expect(readFileSync(new URL('../../web/event-types.js', import.meta.url), 'utf8')).toBe(eventFormsText());
});
