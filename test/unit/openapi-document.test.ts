/**
 * The OpenAPI document: valid OpenAPI 3.1 by a maintained validator, every route described with
 * its security, request schema (the handler's own), responses and a request example that the
 * documented schema accepts. The contract test (test/integration/openapi-contract.test.ts)
 * holds the real answers to it.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../functions/lib/api-doc/document';
import { EXAMPLES } from '../../functions/lib/api-doc/examples';
import { parseRouteKey, pathParams, ROUTES } from '../../functions/routes';

type Op = { security: unknown[]; parameters?: { name: string; in: string; example?: unknown }[]; requestBody?: { content: Record<string, { schema: object; example?: unknown }> }; responses: Record<string, unknown>; 'x-undocumented'?: boolean };
const doc = buildOpenApi(ROUTES, { version: 'test' });
const op = (routeKey: string) => {
  const { method, path } = parseRouteKey(routeKey);
  return (doc.paths[path] as Record<string, Op>)[method.toLowerCase()]!;
};

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 3000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('describes every route, with an example for every route and every path parameter', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(ROUTES.map((r) => r.routeKey).sort());
    for (const route of ROUTES) {
      const o = op(route.routeKey);
      expect(o['x-undocumented'], route.routeKey).toBeUndefined();
      expect(Object.keys(o.responses).some((s) => s.startsWith('2')), route.routeKey).toBe(true);
      for (const name of pathParams(parseRouteKey(route.routeKey).path)) {
        const p = o.parameters?.find((x) => x.in === 'path' && x.name === name);
        expect(p?.example, `${route.routeKey} {${name}}`).toBeTypeOf('string');
      }
    }
  });

  it('names who may call each route: the team token (with the admin scope where admins only), or a secret in the path', () => {
    for (const route of ROUTES) {
      const o = op(route.routeKey) as Op & { 'x-secret-in-path'?: string };
      if (route.auth === 'team') expect(o.security, route.routeKey).toEqual([{ teamJwt: route.admin ? ['admin'] : [] }]);
      if (route.auth === 'publicOrTeam') expect(o.security).toEqual([{}, { teamJwt: [] }]);
      if (route.auth === 'public') expect(o.security, route.routeKey).toEqual([]);
      if (route.auth !== 'public') expect(Object.keys(o.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
    expect(op('GET /api/feeds/{feedToken}/calendar.ics')['x-secret-in-path' as never]).toBe('feedToken');
    expect(op('POST /api/hooks/courtlistener/{secret}')['x-secret-in-path' as never]).toBe('secret');
  });

  it('accepts each request example by its documented schema, and refuses a body with a field it does not know', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'api', components: doc.components });
    const compile = (schema: object) => ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"api#/components/')));
    let checked = 0;
    for (const route of ROUTES) {
      const { body: example, contentType = 'application/json' } = EXAMPLES[route.routeKey]!;
      const content = op(route.routeKey).requestBody?.content ?? {};
      expect(Object.keys(content), route.routeKey).toEqual(Object.keys(content).length ? [contentType] : []);
      const body = content[contentType];
      if (!body) {
        expect(example, `${route.routeKey} has no body`).toBeUndefined();
        continue;
      }
      expect(body.example, route.routeKey).toEqual(example);
      // An optional body the example leaves out: the route's example is the call without one.
      if (example === undefined && (op(route.routeKey).requestBody as { required?: boolean }).required === false) continue;
      const validate = compile(body.schema);
      expect(validate(example), `${route.routeKey}: ${JSON.stringify(validate.errors)}`).toBe(true);
      if (typeof example === 'string') {
        // A raw message is its own bytes: its schema is a string, nothing else.
        expect(validate({ text: example }), route.routeKey).toBe(false);
      } else if (route.routeKey !== 'POST /api/hooks/courtlistener/{secret}' && !route.routeKey.endsWith('/dismiss')) {
        expect(validate({ ...(example as object), notAField: 1 }), route.routeKey).toBe(false);
      }
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });

  it('documents the enumerations the server checks, from the same schemas', () => {
    type Props = { properties?: Record<string, { enum?: string[]; properties?: Record<string, { enum?: string[] }> }> };
    const filing = op('POST /api/filings').requestBody?.content['application/json']?.schema as { oneOf: Props[] };
    expect(filing.oneOf[0]?.properties?.trigger?.properties?.type?.enum).toContain('hearing_set');
    expect(filing.oneOf[1]?.properties?.triggerSet?.enum).toContain('judgment_entered');
  });
});
