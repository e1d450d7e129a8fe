import { closeAppContext, openAppContext } from '../../src-main/context';
import { ManualClock } from './manual-clock';
import { openTempApp, tempDir, type TempApp } from './temp-app';

/** The instant the still clock shows. */
const stillStart = Date.UTC(2031, 2, 4, 10, 0, 0);
/** The node id every still app writes with. */
const stillNode = 'feedc0ffee123456';

/**
 * An app on a clock that stands still, with one node id: its timestamps are the same whichever run writes them, so
 * two databases written two ways (bulk or row by row, one thread or two) can be compared row for row.
 */
export async function openStillApp(): Promise<TempApp> {
  const dataDir = tempDir();
  const first = await openAppContext({ dataDir });
  first.db.sqlite.prepare(`UPDATE meta SET value = ? WHERE key = 'node_id'`).run(stillNode);
  first.db.sqlite.prepare(`DELETE FROM meta WHERE key = 'hlc_last'`).run();
  closeAppContext(first);
  return openTempApp({ dataDir, clock: new ManualClock(stillStart) });
}
