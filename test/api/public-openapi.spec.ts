/**
 * The public API and its OpenAPI document agree: every route is documented, every documented
 * path is routed, and every answer (status, media type, JSON body) is one the document
 * describes, its body checked against the document's own JSON Schema. Run on one store: what
 * is under test is the app's routing and the document, which do not depend on the store.
 */
import type { Hono } from 'hono';
import * as z from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicApp } from '../../functions/src/api/public-app';
import { publishDraft, saveDraft } from '../../functions/src/core/editing';
import { seed } from '../../functions/local/seed';
import type { RunningStore } from '../../functions/local/stores';
import { freshTable, startStore } from '../support/stores';

interface Operation {
  parameters?: { name: string; in: string; example?: string; schema: { example?: string } }[];
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
interface Document {
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

/** A schema with every `$ref` to a component replaced by the component. */
function resolved(schema: unknown, doc: Document): unknown {
  if (Array.isArray(schema)) return schema.map((s) => resolved(s, doc));
  if (!schema || typeof schema !== 'object') return schema;
  const { $ref } = schema as { $ref?: string };
  if ($ref) return resolved(doc.components.schemas[$ref.replace('#/components/schemas/', '')], doc);
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, resolved(v, doc)]));
}

describe('public API and its OpenAPI document', () => {
  let store: RunningStore;
  let app: Hono;
  let doc: Document;
  beforeAll(async () => {
    store = await startStore('dynalite');
    const { repo } = await freshTable(store);
    await seed(repo);
    // One correction of 2016, so that answers carry `corrections` and `corrected` too.
    const y2016 = (await repo.getPublished(2016))!;
    const editor = { id: 'openapi-spec' };
    const at = new Date('2026-03-02T09:00:00Z');
    const figures = y2016.figures.map((f) =>
      f.metric === 'people_supported' ? { ...f, value: f.value + 1 } : f,
    );
    const draft = await saveDraft(repo, { year: 2016, figures, notes: y2016.notes }, y2016.version, editor, {
      now: at,
    });
    await publishDraft(repo, 2016, draft.record.version, editor, at, { reason: 'Rapport définitif' });
    app = createPublicApp({ repo });
    doc = (await (await app.request('/api/v1/openapi.json')).json()) as Document;
  });
  afterAll(() => store?.stop());

  it('documents every route the app has, and routes every path it documents', () => {
    const base = doc.servers[0]!.url;
    const routed = app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(base, '').replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect(new Set(routed)).toEqual(new Set(documented));
    expect(documented).toHaveLength(new Set(documented).size);
    expect(documented).toContain('get /figures');
  });

  it('answers every documented operation with a documented status, media type and body', async () => {
    const base = doc.servers[0]!.url;
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        for (const accept of ['application/json', 'text/csv']) {
          // Each path parameter takes its documented example.
          const url = (op.parameters ?? []).reduce(
            (p, param) => p.replace(`{${param.name}}`, param.schema.example ?? param.example ?? ''),
            path,
          );
          expect(url, path).not.toMatch(/[{}]/);
          const res = await app.request(`${base}${url}`, {
            method: method.toUpperCase(),
            headers: { accept },
          });
          const where = `${method} ${url} (${accept})`;
          const response = op.responses[String(res.status)];
          expect(response, `${where}: status ${res.status} is documented`).toBeDefined();
          const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
          const media = response!.content?.[type];
          expect(media, `${where}: ${type} is documented for ${res.status}`).toBeDefined();
          if (type !== 'application/json') continue;
          const schema = z.fromJSONSchema(resolved(media!.schema, doc) as z.core.JSONSchema.JSONSchema);
          const parsed = schema.safeParse(await res.json());
          expect(parsed.error?.issues, where).toBeUndefined();
        }
    const corrected = (await (await app.request('/api/v1/years/2016')).json()) as { corrections?: unknown[] };
    expect(corrected.corrections).toHaveLength(1);
  });

  it('refuses, in the document’s error shape, what a path parameter does not allow', async () => {
    const res = await app.request('/api/v1/years/20166');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 'BAD_REQUEST',
      message: '"20166" is not a year (expected four digits, e.g. 2016)',
    });
    const errorSchema = z.fromJSONSchema(doc.components.schemas.Error as z.core.JSONSchema.JSONSchema);
    expect(errorSchema.safeParse({ code: 'BAD_REQUEST' }).success).toBe(false);
  });
});
