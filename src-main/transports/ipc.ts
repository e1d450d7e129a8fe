/**
 * The handler table behind `ipcMain.handle`: one handler per channel of the contract, plus the desktop-only
 * `shell.*` channels. Every call first checks that it comes from a frame of the app's own origin, then passes
 * the raw input on (api.call parses it with the channel's zod schema). Handlers resolve to a result object and
 * never throw, so error codes survive the trip (Electron flattens thrown errors to a message).
 *
 * Electron-free at import: it receives `ipcMain`, the sender check and the broadcaster from src-main/shell.
 */
import type { BridgeEventName, BridgeEvents } from '../../src-shared/bridge';
import { channels } from '../../src-shared/contract/channels';
import {
  shellChannelInputs,
  shellChannels,
  type ShellChannel,
  type ShellChannelOutput,
  type ShellParsedInput,
} from '../../src-shared/contract/shell';
import { toErrorShape, validationError, type Api, type ApiResult } from '../api';
import type { FileGrants } from './file-grants';
import { guardFilePaths, type FilePathPolicy } from './file-paths';

export interface IpcInvokeEventLike {
  /** The frame that sent the message; null once it navigated away or was destroyed. */
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike<E extends IpcInvokeEventLike> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shape of Electron's ipcMain.handle
  handle(channel: string, listener: (event: E, ...args: any[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The desktop-only actions, implemented in src-main/shell; inputs arrive parsed. */
export type ShellHandlers<E> = {
  [C in ShellChannel]: (input: ShellParsedInput<C>, event: E) => ShellChannelOutput<C> | Promise<ShellChannelOutput<C>>;
};

export interface IpcTransportOptions<E extends IpcInvokeEventLike> {
  ipcMain: IpcMainLike<E>;
  api: Pick<Api, 'call' | 'context'>;
  /** True only for URLs of the app's own pages (app://candid/…). */
  isTrustedSender(url: string): boolean;
  shell: ShellHandlers<E>;
  /** Sends an event to every window. */
  broadcast<N extends BridgeEventName>(event: N, payload: BridgeEvents[N]): void;
  /** The files the user picked in the shell's dialogs: the only files outside the data folder a page may name. */
  grants: FileGrants;
}

export const forbiddenResult: ApiResult = {
  ok: false,
  error: { code: 'FORBIDDEN', message: "This request did not come from one of Candid's own pages." },
};

export function isTrustedEvent(event: IpcInvokeEventLike, isTrustedSender: (url: string) => boolean): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && url.length > 0 && isTrustedSender(url);
}

/** Registers every handler; returns the function that removes them and stops forwarding events. */
export function registerIpcTransport<E extends IpcInvokeEventLike>(options: IpcTransportOptions<E>): () => void {
  const { ipcMain, api, isTrustedSender, shell, broadcast } = options;
  const registered: string[] = [];
  const files = { dataDir: api.context.dataDir, grants: options.grants };

  for (const channel of channels) {
    ipcMain.handle(channel, async (event: E, input: unknown): Promise<ApiResult> => {
      if (!isTrustedEvent(event, isTrustedSender)) return forbiddenResult;
      const refused = refusedFile(channel, input, files);
      return refused ?? api.call(channel, input);
    });
    registered.push(channel);
  }

  for (const channel of shellChannels) {
    ipcMain.handle(channel, async (event: E, input: unknown): Promise<ApiResult> => {
      if (!isTrustedEvent(event, isTrustedSender)) return forbiddenResult;
      const refused = refusedFile(channel, input, files);
      return refused ?? callShell(shell, channel, input, event);
    });
    registered.push(channel);
  }

  const unsubscribe = api.context.changes.onChanged((event) => {
    broadcast('changed', { tables: [...event.tables] });
  });
  const unsubscribeJobs = api.context.jobs.onEvent((event) => broadcast('job', event));

  return () => {
    unsubscribe();
    unsubscribeJobs();
    for (const channel of registered) ipcMain.removeHandler(channel);
  };
}

/** Null when every file the input names is allowed (handles replaced by their files), else the refusal. */
function refusedFile(channel: string, input: unknown, policy: FilePathPolicy): ApiResult | null {
  try {
    guardFilePaths(channel, input, policy);
    return null;
  } catch (error) {
    return { ok: false, error: toErrorShape(error) };
  }
}

async function callShell<E>(shell: ShellHandlers<E>, channel: ShellChannel, input: unknown, event: E): Promise<ApiResult> {
  try {
    const parsed = shellChannelInputs[channel].safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    const handler = shell[channel] as (input: unknown, event: E) => unknown;
    return { ok: true, value: await handler(parsed.data, event) };
  } catch (error) {
    return { ok: false, error: toErrorShape(error) };
  }
}
