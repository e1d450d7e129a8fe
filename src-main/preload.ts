/**
 * The sandboxed preload: exposes `window.candid = { invoke, on }` and nothing else. Built as CommonJS
 * (out/preload/index.cjs) because sandboxed preloads cannot be ES modules; it bundles only constants from
 * src-shared/bridge.ts. The renderer never sees `ipcRenderer` nor an IPC event object.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeEvents, channelNamePattern, eventIpcChannel, type BridgeEventName, type CandidBridge } from '../src-shared/bridge';

const allowedEvents: ReadonlySet<string> = new Set(bridgeEvents);

function invoke(channel: unknown, input?: unknown): Promise<unknown> {
  if (typeof channel !== 'string' || !channelNamePattern.test(channel)) {
    return Promise.resolve({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: `No channel named ${String(channel).slice(0, 100)}` },
    });
  }
  return ipcRenderer.invoke(channel, input);
}

function on(event: unknown, callback: unknown): () => void {
  if (typeof event !== 'string' || !allowedEvents.has(event)) {
    throw new TypeError(`window.candid.on: unknown event ${String(event).slice(0, 100)}`);
  }
  if (typeof callback !== 'function') throw new TypeError('window.candid.on: the callback must be a function');
  const ipcChannel = eventIpcChannel(event as BridgeEventName);
  // Only the payload crosses over: the IPC event (with its `sender`) stays in the preload.
  const listener = (_event: IpcRendererEvent, payload: unknown) => {
    (callback as (payload: unknown) => void)(payload);
  };
  ipcRenderer.on(ipcChannel, listener);
  return () => {
    ipcRenderer.removeListener(ipcChannel, listener);
  };
}

const bridge = { invoke, on } as unknown as CandidBridge;

contextBridge.exposeInMainWorld('candid', bridge);
