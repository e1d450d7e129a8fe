/**
 * A child process that opens a data folder at a given moment and lets automation catch up with it, to be killed
 * with SIGKILL in the middle by test/automation/crash.test.ts. Prints "ready" once the database is open, "done"
 * once the catch-up is over.
 *   tsx test/automation/support/catch-up-child.ts <dataDir> <now ms>
 */
import { startAutomation } from '../../../src-main/automation';
import { openAppContext } from '../../../src-main/context';
import { ManualClock } from '../../support/manual-clock';

const [dataDir, now] = process.argv.slice(2);

async function main(): Promise<void> {
  const context = await openAppContext({ dataDir, clock: new ManualClock(Number(now)) });
  process.stdout.write('ready\n');
  // One run per transaction: the kill then lands between some of them, and inside another.
  const automation = startAutomation(context, { batchSize: 1 });
  await automation.started;
  process.stdout.write('done\n');
  process.exit(0);
}

void main();
