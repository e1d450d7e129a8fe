/**
 * A device in a child process that runs one sync, to be killed with SIGKILL at a random moment by
 * test/soak/sync-rounds.ts (`npm run soak -- --kind sync`). It prints "ready" once its database is open and
 * "done" once the sync ended.
 *   tsx test/soak/sync-worker.ts <dataDir> <serverUrl> <email> <bootstrap|push|pull>
 */
import { createApi } from '../../src-main/api';
import { openAppContext } from '../../src-main/context';
import { soakAccount, soakKdfCost } from './sync-account';

const [dataDir, serverUrl, email, phase] = process.argv.slice(2);

async function main(): Promise<void> {
  const context = await openAppContext({ dataDir, sync: { kdfCost: soakKdfCost } });
  const api = createApi(context);
  process.stdout.write('ready\n');
  if (phase === 'bootstrap') {
    // Joining: the connect's first run downloads the snapshot and bootstraps from it.
    await api.invoke('sync.connect', { ...soakAccount, serverUrl, email, deviceName: 'Joining', createAccount: false });
    await context.sync.runner.whenIdle();
  } else {
    await api.invoke('sync.now', {});
  }
  const status = context.sync.status();
  if (status.lastError) throw new Error(`sync failed: ${status.lastError.problem} ${status.lastError.message}`);
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
