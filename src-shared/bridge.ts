/**
 * The shape of `window.candid`, the only thing the preload exposes to the renderer. Runtime values here are
 * plain constants: the sandboxed preload bundles this file, so it must not pull in zod or anything else.
 */
import type { ChangedEvent, Channel, ChannelInput, ChannelOutput } from './contract/channels';
import type { JobEvent } from './contract/jobs';
import type { ShellChannel, ShellChannelInput, ShellChannelOutput } from './contract/shell';
import type { AppErrorShape } from './errors';

/** Actions of the File menu, sent to the renderer as `menu` events ("Open data folder" and "Quit" are done by main). */
export const menuActions = [
  'new-application',
  'import',
  'export-excel',
  'export-csv',
  'export-json',
  'export-calendar',
  'export-pdf',
  'proof-of-search',
  'backup-now',
  'restore',
] as const;
export type MenuAction = (typeof menuActions)[number];

export interface MenuEvent {
  action: MenuAction;
}

/** A click on a system notification: the screen it opens (a route of the renderer, e.g. `/applications/<id>`). */
export interface NavigateEvent {
  path: string;
}

/** Events main pushes to the renderer; `on` accepts these names and no other. */
export const bridgeEvents = ['changed', 'menu', 'navigate', 'job'] as const;
export type BridgeEventName = (typeof bridgeEvents)[number];

export interface BridgeEvents {
  changed: ChangedEvent;
  menu: MenuEvent;
  navigate: NavigateEvent;
  job: JobEvent;
}

/** Whether a path is one of the renderer's own routes (what a `navigate` event may carry): `/word/…`, nothing else. */
export function isAppRoute(path: unknown): path is string {
  return typeof path === 'string' && path.length <= 200 && /^\/[a-z][a-z-]*(\/[A-Za-z0-9-]+)*$/.test(path);
}

/** The IPC channel that carries one bridge event from main to the renderer. */
export function eventIpcChannel(event: BridgeEventName): string {
  return `candid:event:${event}`;
}

/** What a channel name looks like (`domain.action`); the preload refuses anything else before any IPC. */
export const channelNamePattern = /^[a-z][A-Za-z]{0,40}\.[a-z][A-Za-z]{0,40}$/;

export type BridgeChannel = Channel | ShellChannel;
export type BridgeInput<C extends BridgeChannel> = C extends Channel
  ? ChannelInput<C>
  : C extends ShellChannel
    ? ShellChannelInput<C>
    : never;
export type BridgeOutput<C extends BridgeChannel> = C extends Channel
  ? ChannelOutput<C>
  : C extends ShellChannel
    ? ShellChannelOutput<C>
    : never;

/** Calls never reject for a handler's error: they resolve to this, as over HTTP. */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export interface CandidBridge {
  invoke<C extends BridgeChannel>(
    channel: C,
    ...input: undefined extends BridgeInput<C> ? [input?: BridgeInput<C>] : [input: BridgeInput<C>]
  ): Promise<BridgeResult<BridgeOutput<C>>>;
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends BridgeEventName>(event: E, callback: (payload: BridgeEvents[E]) => void): () => void;
}
