import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { ServerContext } from '../context';
import { parseWith, readJson } from './body';
import { clientAddress } from './client-address';
import type { Principal } from '../accounts/authenticate';

/** `Bindings.replica`: set only on a replica's in-process requests (src-server/replicas/in-process.ts). */
export type ServerEnv = { Variables: { principal?: Principal }; Bindings: { replica?: Principal } };

export interface ResponseSpec {
  description: string;
  json?: z.ZodType;
  /** The answer is a byte stream (snapshots, blobs) or Prometheus text. */
  content?: 'application/octet-stream' | 'text/plain';
  headers?: Record<string, string>;
}

/**
 * One route: what it accepts, what it answers, and whether it needs an access token. The same spec mounts the
 * handler (parsing its input with these schemas) and describes it in /openapi.json, so they cannot drift apart.
 */
export interface RouteSpec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined, P extends z.ZodType | undefined> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI form: `/devices/{id}`. */
  path: string;
  summary: string;
  tag: string;
  auth: boolean;
  /** A JSON body parsed with this schema, within `bodyLimit` (default: the configured JSON limit). */
  body?: B;
  bodyLimit?: (context: ServerContext) => number;
  /** The body is a byte stream the handler reads itself (snapshots, blobs). */
  streamBody?: boolean;
  /**
   * The body is JSON of this schema (documented as such) that the handler reads and parses itself: for APIs with
   * their own error shape and parsing rules (/v1, the compatible APIs).
   */
  rawJsonBody?: z.ZodType;
  /** The shape of this route's errors in the OpenAPI document (default: the sync protocol's `Error`). */
  errorSchema?: { name: string; schema: z.ZodType };
  /** Answers any error of this route (authentication included) in its API's own shape. */
  onError?: (error: unknown, c: Context<ServerEnv>) => Response | Promise<Response>;
  query?: Q;
  params?: P;
  /** Also answers HEAD (Hono serves HEAD through the GET handler, without the body). */
  head?: boolean;
  responses: Record<number, ResponseSpec>;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<B, Q, P> {
  c: Context<ServerEnv>;
  body: Parsed<B>;
  query: Parsed<Q>;
  params: Parsed<P>;
  /** Set on routes with `auth: true`. */
  principal: Principal;
}

export type AnyRouteSpec = RouteSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;

/** Mounts routes on a Hono app and keeps their specs for the OpenAPI document. */
export class RouteTable {
  readonly specs: AnyRouteSpec[] = [];

  constructor(
    readonly app: Hono<ServerEnv>,
    readonly context: ServerContext,
    private readonly authenticate: (c: Context<ServerEnv>) => Promise<Principal>,
  ) {}

  add<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
    spec: RouteSpec<B, Q, P>,
    handler: (input: RouteInput<B, Q, P>) => Promise<Response>,
  ): void {
    this.specs.push(spec as AnyRouteSpec);
    const honoPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
    const run = async (c: Context<ServerEnv>) => {
      // Every route is rate limited: an authenticated one per account (in authenticate), any other per address.
      if (!spec.auth) this.context.limits.publicPerClient.take(clientAddress(c, this.context.config));
      const principal = spec.auth ? await this.authenticate(c) : (undefined as unknown as Principal);
      const params = (spec.params ? parseWith(spec.params, c.req.param(), 'path') : undefined) as Parsed<P>;
      const query = (spec.query ? parseWith(spec.query, c.req.query(), 'query') : undefined) as Parsed<Q>;
      const limit = spec.bodyLimit?.(this.context) ?? this.context.config.limits.jsonBytes;
      const body = (spec.body ? await readJson(c.req.raw, spec.body, limit) : undefined) as Parsed<B>;
      return handler({ c, body, query, params, principal });
    };
    const onError = spec.onError;
    this.app.on(spec.method.toUpperCase(), honoPath, onError ? (c) => run(c).catch((error: unknown) => onError(error, c)) : run);
  }
}
