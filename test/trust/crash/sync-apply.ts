import fs from 'node:fs';
import path from 'node:path';
import type { Change } from '../../../src-main/changes/writer';
import { closeAppContext, openAppContext } from '../../../src-main/context';
import { converge } from '../../../src-main/sync/converge';
import { SyncState } from '../../../src-main/sync/state';
import { tempDir } from '../../support/temp-app';
import { localEntries } from '../../sync/support/rows';
import type { CrashKind } from './kind';
import { addApplications, count, readOnly } from './sqlite';

const rows = 600;
/** The cursor the pulled page ends at: it must move in the same transaction as the entries it covers. */
const pulledCursor = 4242;
/** The other device's entries, kept in the folder so that every round's copy has them (not a file Candid knows). */
const entriesFile = 'crash-remote-entries.json';

/**
 * Sync's local half: a pulled page of another device's entries applied as the sync engine applies them
 * (`SyncEngine.apply`: the write path's applyRemote, the repairs that follow, and the cursor, in one transaction).
 * The network half is not killed here: what a kill can damage is this device's database.
 */
export const syncApplyKind: CrashKind = {
  async prepare(dataDir) {
    const otherDevice = tempDir('candid-crash-other-');
    try {
      await addApplications(otherDevice, rows, 'Remote');
      const other = await openAppContext({ dataDir: otherDevice });
      try {
        fs.writeFileSync(path.join(dataDir, entriesFile), JSON.stringify(localEntries(other).entries));
      } finally {
        closeAppContext(other);
      }
    } finally {
      fs.rmSync(otherDevice, { recursive: true, force: true });
    }
    const context = await openAppContext({ dataDir });
    try {
      const device = { server_url: 'http://127.0.0.1:1', account_id: 'account', email: 'a@example.com', device_id: 'device', device_name: 'Crash', key_id: 'key' };
      new SyncState(context.db).connect(device, new Date().toISOString());
    } finally {
      closeAppContext(context);
    }
  },
  async run(dataDir, _marker, ready) {
    const context = await openAppContext({ dataDir });
    const entries = JSON.parse(fs.readFileSync(path.join(dataDir, entriesFile), 'utf8')) as Change[];
    const state = new SyncState(context.db);
    ready();
    context.changes.applyRemote(entries, {
      then: (write, remote) => {
        converge(context.db, write, remote);
        state.update({ cursor: pulledCursor });
      },
    });
  },
  inspect(dataDir) {
    const entries = (JSON.parse(fs.readFileSync(path.join(dataDir, entriesFile), 'utf8')) as Change[]).length;
    return readOnly(dataDir, (db, integrity) => {
      const applications = count(db, `SELECT count(*) FROM applications WHERE position LIKE 'Remote %'`);
      const logged = count(db, `SELECT count(*) FROM change_log WHERE origin = 'remote'`);
      const cursor = count(db, `SELECT cursor FROM sync_state WHERE id = 1`);
      const none = applications === 0 && logged === 0 && cursor === 0;
      const all = applications === rows && logged === entries && cursor === pulledCursor;
      return { integrity, outcome: none ? 'none' : all ? 'all' : `partial ${applications}/${logged}/${cursor}` };
    });
  },
};
