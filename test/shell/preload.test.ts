import { beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const exposed: Array<[string, unknown]> = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed,
    listeners,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
      on(channel: string, listener: (...args: unknown[]) => void) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      },
      removeListener(channel: string, listener: (...args: unknown[]) => void) {
        listeners.get(channel)?.delete(listener);
      },
    },
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

type Bridge = { invoke(channel: unknown, input?: unknown): Promise<unknown>; on(event: unknown, callback: unknown): () => void };
let bridge: Bridge;

beforeAll(async () => {
  await import('../../src-main/preload');
  bridge = electron.exposed[0]?.[1] as Bridge;
});

describe('preload', () => {
  it('exposes window.candid with invoke and on, and nothing else', () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['candid']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('invoke sends the channel and the input over IPC', async () => {
    const result = await bridge.invoke('applications.list', { limit: 10 });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('applications.list', { limit: 10 });
    expect(result).toEqual({ ok: true, value: { channel: 'applications.list', input: { limit: 10 } } });
  });

  it('invoke refuses names that are not channels, without any IPC', async () => {
    electron.ipcRenderer.invoke.mockClear();
    for (const name of ['ELECTRON_BROWSER_WINDOW_CLOSE', 'candid:event:changed', 42, 'a.b.c']) {
      expect(await bridge.invoke(name)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('on subscribes only to the allowed events, hands over the payload alone, and unsubscribes', () => {
    const received: unknown[][] = [];
    const off = bridge.on('changed', (...args: unknown[]) => received.push(args));
    const listeners = electron.listeners.get('candid:event:changed')!;
    expect(listeners.size).toBe(1);
    for (const listener of listeners) listener({ sender: 'ipc event' }, { tables: ['applications'] });
    expect(received).toEqual([[{ tables: ['applications'] }]]);
    off();
    expect(listeners.size).toBe(0);

    expect(() => bridge.on('menu', () => undefined)).not.toThrow();
    for (const name of ['ELECTRON_BROWSER_WINDOW_CLOSE', 'candid:event:changed', 'close', 42]) {
      expect(() => bridge.on(name, () => undefined)).toThrow(/unknown event/);
    }
    expect(() => bridge.on('changed', 'not a function')).toThrow();
  });
});
