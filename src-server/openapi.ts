import { z } from 'zod';
import { syncError } from '../src-shared/sync-protocol';
import type { AnyRouteSpec } from './http/route-table';

type JsonSchema = Record<string, unknown>;

/** zod 4's own JSON Schema (draft 2020-12, which OpenAPI 3.1 uses); inputs as accepted, outputs as sent. */
const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!(schema instanceof z.ZodObject)) return [];
  const object = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required ?? []).includes(name),
    schema: property,
  }));
}

function operation(spec: AnyRouteSpec): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    const content = response.json
      ? { 'application/json': { schema: schemaOf(response.json, 'output') } }
      : response.content
        ? { [response.content]: { schema: { type: 'string', format: response.content === 'text/plain' ? undefined : 'binary' } } }
        : undefined;
    const headers = response.headers
      ? Object.fromEntries(Object.entries(response.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }]))
      : undefined;
    responses[status] = { description: response.description, ...(content ? { content } : {}), ...(headers ? { headers } : {}) };
  }
  const errorName = spec.errorSchema?.name ?? 'Error';
  responses.default = { description: 'An error', content: { 'application/json': { schema: { $ref: `#/components/schemas/${errorName}` } } } };
  const jsonBody = spec.body ?? spec.rawJsonBody;
  const requestBody = jsonBody
    ? { required: true, content: { 'application/json': { schema: schemaOf(jsonBody, 'input') } } }
    : spec.streamBody
      ? { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }
      : undefined;
  return {
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.auth ? { security: [{ bearer: [] }] } : { security: [] }),
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the mounted routes, generated from the same zod schemas that parse their input. */
export function openApiDocument(
  specs: readonly AnyRouteSpec[],
  version: string,
  info: { title: string; description: string } = {
    title: 'Candid Server',
    description: 'Accounts and the end-to-end-encrypted sync relay of Candid (docs/sync.md), and the REST API of readable accounts (docs/server-api.md).',
  },
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const spec of specs) {
    paths[spec.path] ??= {};
    paths[spec.path][spec.method] = operation(spec);
    if (spec.head) paths[spec.path].head = { ...operation(spec), summary: `Whether it exists: ${spec.summary}` };
  }
  const schemas: Record<string, JsonSchema> = { Error: schemaOf(syncError, 'output') };
  for (const spec of specs) if (spec.errorSchema) schemas[spec.errorSchema.name] ??= schemaOf(spec.errorSchema.schema, 'output');
  return {
    openapi: '3.1.0',
    info: { ...info, version },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas,
    },
  };
}
