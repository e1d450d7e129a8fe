import { z } from 'zod';
import { id } from './common';

/**
 * The browser extension's pairing, as the app's own pages see it (Settings ▸ Browser extension). The extension
 * itself never calls these: it reaches the connector (src-main/transports/connector.ts) with the code once, then
 * with its capture-only token (src-shared/connector.ts).
 */
export interface PairingCode {
  /** Eight characters from an alphabet without look-alikes, shown as XXXX-XXXX. */
  code: string;
  /** ISO instant; the code is refused after it, and after its first use. */
  expiresAt: string;
}

export interface PairedBrowser {
  id: string;
  /** What the extension said it runs in ("Chromium 156 on Linux"); for the user to tell browsers apart. */
  name: string;
  pairedAt: string;
  lastUsedAt: string | null;
}

const none = z.undefined().or(z.object({}).strict()).optional();

export const extensionChannelInputs = {
  'extension.pairingCode': none,
  'extension.browsers': none,
  'extension.revoke': z.object({ id }).strict(),
};

export interface ExtensionOutputs {
  'extension.pairingCode': PairingCode;
  'extension.browsers': PairedBrowser[];
  'extension.revoke': { id: string };
}
