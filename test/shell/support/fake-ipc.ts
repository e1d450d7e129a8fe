import type { IpcMainInvokeEvent } from 'electron';
import { senderCheck } from '../../../src-main/shell/origin';
import { FileGrants } from '../../../src-main/transports/file-grants';
import { registerIpcTransport, type IpcMainLike, type IpcTransportOptions, type ShellHandlers } from '../../../src-main/transports/ipc';
import type { TempApp } from '../../support/temp-app';

export type FakeIpcEvent = { senderFrame: { url: string } | null; sender: unknown };
type Listener = (event: FakeIpcEvent, ...args: unknown[]) => unknown;
export type FakeIpcResult = { ok: boolean; value?: unknown; error?: { code: string; details?: Record<string, unknown>; issues?: unknown[] } };

/** Where the app's own pages come from in these tests. */
export const appPageUrl = 'app://candid/index.html';

/** Stands in for Electron's ipcMain: keeps the handlers so the test can invoke them as the renderer would. */
export class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(url: string | null, channel: string, input?: unknown) {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ senderFrame: url === null ? null : { url }, sender: {} }, input) as Promise<FakeIpcResult>;
  }
}

/**
 * The real IPC transport over a temp app, behind a fake ipcMain. `shell` makes the shell actions with the dialogs'
 * file grants the transport shares (createShellActions, imported by the test after it has replaced electron).
 */
export function serveOverFakeIpc(
  app: Pick<TempApp, 'api'>,
  shell: (grants: FileGrants) => ShellHandlers<IpcMainInvokeEvent>,
  broadcast: IpcTransportOptions<IpcMainInvokeEvent>['broadcast'] = () => undefined,
): { ipc: FakeIpcMain; dispose: () => void; grants: FileGrants } {
  const ipc = new FakeIpcMain();
  const grants = new FileGrants();
  const dispose = registerIpcTransport({
    // The fake's events carry only what the transport and the shell actions read (senderFrame, sender).
    ipcMain: ipc as unknown as IpcMainLike<IpcMainInvokeEvent>,
    api: app.api,
    isTrustedSender: senderCheck(),
    shell: shell(grants),
    broadcast,
    grants,
  });
  return { ipc, dispose, grants };
}
