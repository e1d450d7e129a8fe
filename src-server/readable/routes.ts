import { dataKeyResponse, modeResponse, setModeRequest } from '../../src-shared/sync-protocol';
import { toBase64Url } from '../../src-main/sync/crypto';
import { ServerError } from '../http/errors';
import type { RouteTable } from '../http/route-table';
import { escrowedKey } from './escrow';
import { privateAccountMessage, requireMasterKey, setMode } from './mode';

/** Who can read the account's data (docs/sync.md, "Private or readable"). */
export function readableRoutes(routes: RouteTable): void {
  const context = routes.context;

  routes.add(
    {
      method: 'put',
      path: '/account/mode',
      tag: 'accounts',
      summary: 'Make the account readable by the server (escrowing the data key) or private again (the readable copy is deleted)',
      auth: true,
      body: setModeRequest,
      responses: {
        200: { description: 'The mode now', json: modeResponse },
        400: { description: 'The key does not open the account’s data' },
        409: { description: 'Not the current key; or, going private, no device holds the key yet' },
        503: { description: 'This server is not set up to hold readable accounts' },
      },
    },
    async ({ c, body, principal }) => c.json({ mode: await setMode(context, principal.accountId, body) }, 200),
  );

  routes.add(
    {
      method: 'get',
      path: '/account/data-key',
      tag: 'accounts',
      summary: 'The data key of a readable account (a Candid device joining an account made by a compatible API wraps it with a passphrase)',
      auth: true,
      responses: { 200: { description: 'The key', json: dataKeyResponse }, 403: { description: 'The account is private' } },
    },
    async ({ c, principal }) => {
      const key = await escrowedKey(context.db.kysely, requireMasterKey(context), principal.accountId);
      if (!key) throw new ServerError('FORBIDDEN', privateAccountMessage);
      return c.json({ keyId: key.keyId, dataKey: toBase64Url(key.dataKey) }, 200);
    },
  );
}
