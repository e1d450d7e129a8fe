import { defineHandlers } from '../handler';

/** The `sync.*` channels (docs/sync.md, "On the device"): the interface, scripts and tests drive sync through them. */
export const syncHandlers = defineHandlers({
  'sync.status': (_input, { sync }) => sync.status(),
  'sync.connect': (input, { sync }) => sync.connect(input),
  'sync.now': (_input, { sync }) => sync.now(),
  'sync.disconnect': (input, { sync }) => sync.disconnect(input.forget),
  'sync.devices': (_input, { sync }) => sync.devices(),
  'sync.revokeDevice': (input, { sync }) => sync.revokeDevice(input.id),
  'sync.changePassphrase': (input, { sync }) => sync.changePassphrase(input),
  'sync.accountMode': (_input, { sync }) => sync.accountMode(),
  'sync.setAccountMode': (input, { sync }) => sync.setAccountMode(input),
});
