import { z } from 'zod';

/**
 * What the browser extension and the running app say to each other over the connector (127.0.0.1, a fixed range
 * of ports: see connectorPorts). Shared by src-extension and src-main/transports/connector.ts, parsed on both ends.
 */

/**
 * The extension probes these in order and uses the first that answers as Candid (GET /connector/ping); the app
 * listens on the first of them that is free. Fixed and documented, as Zotero's connector uses 23119: an extension
 * cannot read a port file, and a browser cannot scan ports quietly. Below 32768 so that Linux never hands one of
 * them out as an ephemeral port.
 */
export const connectorPorts = [29170, 29171, 29172, 29173, 29174] as const;

/** GET /connector/ping: who answers, and whether the bearer token sent (if any) is a paired browser's. */
export const connectorPing = z.object({ app: z.literal('candid'), version: z.string().max(40), paired: z.boolean() }).strict();
export type ConnectorPing = z.infer<typeof connectorPing>;

export const pairRequest = z
  .object({
    /** As typed: case and the dash or spaces do not matter. */
    code: z.string().trim().min(1).max(40),
    browser: z.string().trim().max(120).default(''),
  })
  .strict();
export type PairRequest = z.input<typeof pairRequest>;

export const pairResponse = z.object({ token: z.string().min(20).max(200) }).strict();

/** A page as the extension's injected function read it. */
export const captureRequest = z
  .object({
    url: z.string().max(2048),
    /** The page's JSON-LD scripts in a small document, or the page's HTML when it has none. */
    html: z.string().min(1).max(5_000_000),
    /** Text the user selected: kept as the posting's text instead of the page's description. */
    selection: z.string().max(200_000).nullable().default(null),
  })
  .strict();
export type CaptureRequest = z.input<typeof captureRequest>;

export const captureResponse = z
  .object({
    applicationId: z.string(),
    companyName: z.string().nullable(),
    position: z.string(),
    /** true: the posting was already tracked (same address); nothing new was written. */
    alreadyTracked: z.boolean(),
    /** Where to open it in the app (its HTTP address in the browser shell), or null (the desktop app). */
    openUrl: z.string().nullable(),
    /** true: the app can bring itself forward on this application (POST /connector/open; the desktop app). */
    canShow: z.boolean(),
    /** How many postings the page had; the first was saved. */
    postingsOnPage: z.number().int().min(1),
  })
  .strict();
export type CaptureResponse = z.infer<typeof captureResponse>;

/** POST /connector/open: asks the app to show one of its applications (the desktop window comes forward on it). */
export const openRequest = z.object({ applicationId: z.string().trim().min(1).max(100) }).strict();
export type OpenRequest = z.input<typeof openRequest>;
