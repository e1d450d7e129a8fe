import fs from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { quickJob } from '../support/quick-job';
import { openTempApp, type TempApp } from '../support/temp-app';

/**
 * A job's worker closes its connection to the database before it gives its answer. Once a job has answered, main
 * may take the folder as its own: close its connection last (which checkpoints and removes the WAL's files), copy
 * the folder, restore over it. A worker still closing its connection then removes those files under a copy in
 * progress (ENOENT on `-shm`, seen in CI), or keeps them after main's close.
 */
const apps: TempApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) fs.rmSync(app.dir, { recursive: true, force: true });
});

it('holds no connection to the database once a job has answered', async () => {
  for (let run = 0; run < 10; run += 1) {
    const app = await openTempApp();
    apps.push(app);
    await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Closed' });
    const file = app.context.databaseFile;
    let filesLeft: boolean[] | undefined;
    // The earliest moment main knows of the answer: the job's event, published as its message arrives.
    const stop = app.context.jobs.onEvent((event) => {
      if (event.state !== 'done') return;
      // Main's connection the last one: its close checkpoints the log and removes its files.
      app.context.db.close();
      filesLeft = [fs.existsSync(`${file}-wal`), fs.existsSync(`${file}-shm`)];
    });
    const exported = await quickJob(app);
    stop();
    expect(exported).toMatchObject({ kind: 'content', rows: 1 });
    expect(filesLeft).toEqual([false, false]);
    app.context.sync.stop();
    await app.context.jobs.close();
  }
});
