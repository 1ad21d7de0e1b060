import type { z } from 'zod';
import { apiErrorBodySchema } from './error';

/** Every route answers its errors in the one error body. */
const errorReplies = { '4xx': apiErrorBodySchema, '5xx': apiErrorBodySchema } as const;

export type Method = 'GET' | 'POST';

export interface RouteSchemaInput {
  /** One line for the OpenAPI document. */
  summary: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response: { 200: z.ZodType };
}

export interface RouteDef<S extends RouteSchemaInput = RouteSchemaInput> {
  method: Method;
  url: string;
  schema: Omit<S, 'response'> & { response: S['response'] & typeof errorReplies };
  /** The error code of a request that does not match the schema. */
  invalidRequest: string;
}

/**
 * One collector route, declared once: the server registers it, the clients call it, the
 * OpenAPI document describes it. Request schemas are parsed on arrival at the server; the
 * reply schema is encoded by the server and parsed on arrival at the client.
 */
export function defineRoute<const M extends Method, const U extends string, const S extends RouteSchemaInput>(def: {
  method: M;
  url: U;
  schema: S;
  invalidRequest?: string;
}): RouteDef<S> & { method: M; url: U } {
  return {
    method: def.method,
    url: def.url,
    schema: { ...def.schema, response: { ...def.schema.response, ...errorReplies } },
    invalidRequest: def.invalidRequest ?? 'invalid_request',
  };
}

/** The reply a route's 200 carries, as code sees it (after parsing). */
export type RouteReply<R extends RouteDef> = z.output<R['schema']['response'][200]>;

/** What a caller passes: path params and body in their wire (input) form. */
export type RouteInput<R extends RouteDef> = (R['schema']['params'] extends z.ZodType
  ? { params: z.input<R['schema']['params']> }
  : { params?: undefined }) &
  (R['schema']['body'] extends z.ZodType ? { body: z.input<R['schema']['body']> } : { body?: undefined });

/** The route's URL with its `:name` segments filled in (percent-encoded). */
export function routePath(route: RouteDef, params: Readonly<Record<string, string>> = {}): string {
  return route.url.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${route.url}`);
    return encodeURIComponent(value);
  });
}
