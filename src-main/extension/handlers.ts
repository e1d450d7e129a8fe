import { defineHandlers } from '../handler';
import { issuePairingCode, listPairedBrowsers, revokePairedBrowser } from './pairing';

/** Settings ▸ Browser extension. The extension itself reaches none of these (src-main/transports/connector.ts). */
export const extensionHandlers = defineHandlers({
  'extension.pairingCode': (_input, { db, clock }) => issuePairingCode(db, clock.now()),
  'extension.browsers': (_input, { db }) => listPairedBrowsers(db),
  'extension.revoke': (input, { db, clock }) => {
    revokePairedBrowser(db, input.id, clock.now());
    return { id: input.id };
  },
});
