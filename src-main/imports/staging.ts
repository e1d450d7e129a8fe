import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import { ChangeWriter } from '../changes/writer';
import { affectedApplications, FreshRows, reindexApplications } from '../changes/derive';
import { pendingAfter, settleCurrentStages, settleDerivedData, settleRemainingText, writeOffDerivedData } from '../changes/owed-derived';
import type { AppContext } from '../context';
import type { Database } from '../db/connection';
import type { JobControl } from '../jobs/control';
import { openDatabase } from '../db/open';
import { syncedTables } from '../db/schema';
import { storeInsertedStatistics } from '../statistics/maintained/inserted-facts';
import { refreshStatistics } from '../statistics/maintained/refresh';
import type { ResourceLimits } from 'node:worker_threads';
import { buildLiveIndexesInStaging, checkForeignKeys, emptyLive, liveIndexes, transferTable } from './raw-copy';
import { StatisticsThread } from './statistics-thread';
import { stagedStatisticsTables, stagedTextColumns, threadFileTables } from './statistics-protocol';

/**
 * Where an import writes before it is applied (docs/performance.md, "How an import commits").
 *
 * A large import cannot hold the write lock for all of its work: the app's own edits would wait that long. So the
 * rows are first written, through the one write path (change log, clocks, derived data included), into a staging
 * database of the same schema beside the live one, which nobody else reads or locks. It holds copies of the rows
 * the writer looks up (stages, companies, tags, sources, contacts, the profile) so that it finds what exists and creates
 * the rest; its writes need no durability (a crash throws it away) and skip the indexes only the app's screens
 * use. Then one transaction on the live database copies the new rows in with a few INSERT … SELECT, and their
 * derived data with them (full-text rows, statistics facts, and the counts added to the live counts): the import
 * is still all or nothing, and readers see it all at once, but the write lock is held for the copy only.
 *
 * The import only inserts rows. When the live database changed meanwhile in a way the staged rows depend on (a
 * company or tag of the same name created, a stage deleted), the copy takes the live row instead of the staged
 * one, or refuses, and computes the derived data again on the live rows.
 */

/** Tables copied into the staging database for the writer to look things up; their rows are not copied back. */
const referenceTables = ['stages', 'companies', 'tags', 'sources', 'profile', 'contacts'] as const;

/**
 * Indexes only the screens use: the staging writes skip them (the live copy maintains them). Not
 * application_tags_pair (application_id, tag_id): the write path's derived data (each written application's
 * full-text row, its tags) looks tags up by application, and without it each chunk of the import scanned every tag
 * link staged so far, an import growing with the square of its rows (application_tags_application, which served that
 * before migration 0265, is gone).
 */
const stagingDroppedIndexes = [
  'applications_live_order',
  'applications_company',
  'applications_posting_url',
  'applications_statistics',
  'applications_live_stage',
  'applications_live_id',
  'application_tags_tag',
  // Keyed by a stage and a date, not by when the row was written: each chunk of the import dirtied pages all over
  // them, and every page a chunk dirties is journaled and written again when it commits.
  'applications_stage_since',
  'statistics_facts_applied_day',
  // Every staged log entry is local, so this partial index (what a sync push reads) held all 413,000 of an import
  // of 100,000 rows, and nothing reads it here (the live copy keeps the live database's).
  'change_log_local',
];

function columnsOf(db: Database, schema: string, table: string): string[] {
  return (db.sql(`PRAGMA ${schema}.table_info(${table})`).all() as { name: string }[]).map((column) => column.name);
}

/** How `ImportStaging.create` prepares the staging's settle. */
export interface StagingOptions {
  /** The staged statistics computed by a thread of their own (see create). */
  statisticsThread?: boolean;
  /** That thread's heap limits: for the test of its failure. */
  statisticsThreadLimits?: ResourceLimits;
  /**
   * How long the copy, holding the write lock, waits for that thread to finish its counts (apply); 0: not at all,
   * the copy made again once it has (the way a thread later than that has it). 5 s unless set.
   */
  statisticsWaitMs?: number;
}

function removeFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

export class ImportStaging {
  private constructor(
    readonly file: string,
    /** Where a statistics thread writes the staged statistics (`settle`), beside the staging. */
    private readonly statisticsFile: string,
    readonly db: Database,
    readonly changes: ChangeWriter,
    /** The live change log's last entry when the reference rows were copied. */
    private readonly logSeq: number,
    /** Per reference table, the last rowid copied: rows above it are the import's. */
    private readonly copiedUpTo: Record<string, number>,
    private readonly stagingOptions: StagingOptions,
  ) {}

  /** The tables `prepareTransfer` built the live indexes of in staging, to be transferred whole. */
  private transferable: string[] = [];
  /** The statistics thread, from its launch to the end of `settle`. */
  private statisticsThread: StatisticsThread | null = null;
  /** The statistics thread once `settle` has returned, still counting: `apply` waits for it last. */
  private statisticsPending: StatisticsThread | null = null;
  /** `settle` has begun: the thread is no longer launched ahead. */
  private settling = false;

  /**
   * The schema apply reads the staged statistics from: the staging's own tables, or, computed by the statistics
   * thread, its file's.
   */
  private statisticsSchema: 'staging' | 'staged_statistics' = 'staging';

  /**
   * Launches the statistics thread (`StagingOptions.statisticsThread`) ahead of `settle`, so that its start (~0.3 s
   * of loading its code, at the bench's import the first 0.3 s of the tail) comes before the staging's writes: called
   * as the import waits for its first checked rows (run.ts). Once; not after `settle` began.
   */
  launchStatisticsThread(): void {
    if (!this.stagingOptions.statisticsThread || this.statisticsThread || this.settling) return;
    this.statisticsThread = new StatisticsThread({ stagingFile: this.file, statisticsFile: this.statisticsFile, nativeBinding: this.db.options.nativeBinding }, this.stagingOptions.statisticsThreadLimits);
  }

  static async create(live: AppContext, options: StagingOptions = {}): Promise<ImportStaging> {
    const name = `.import-staging-${crypto.randomBytes(6).toString('hex')}`;
    const file = path.join(live.dataDir, `${name}.sqlite`);
    const statisticsFile = path.join(live.dataDir, `${name}-statistics.sqlite`);
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      live.job?.temporary(file + suffix);
      live.job?.temporary(statisticsFile + suffix);
    }
    let db: Database | undefined;
    try {
      db = await openDatabase({ file, dataDir: live.dataDir, nativeBinding: live.db.options.nativeBinding });
      // Nobody else opens it and a crash throws it away: no journal, no syncing.
      // The rollback journal in memory (OFF is refused by better-sqlite3's defensive mode), out of WAL where
      // openDatabase put it: nothing goes through a -wal file.
      db.sqlite.pragma('journal_mode = MEMORY');
      db.sqlite.pragma('synchronous = OFF');
      db.sqlite.pragma('cache_size = -64000');
      // Every staged row is checked against its parent when the live copy inserts it (the live connection enforces
      // foreign keys, at its commit): looking each parent up here too was a second check of every row.
      db.sqlite.pragma('foreign_keys = OFF');
      for (const index of stagingDroppedIndexes) db.sqlite.exec(`DROP INDEX IF EXISTS ${index}`);
      db.sqlite.exec(`DROP TABLE applications_fts; CREATE TABLE applications_fts (${stagedTextColumns})`);
      const { logSeq, copiedUpTo } = copyReferenceRows(db, live.databaseFile);
      // The app's clock (a test's, in main; the system's, in a job's worker). The new rows' clocks are not staged:
      // the copy derives them from the staged log (see apply).
      return new ImportStaging(file, statisticsFile, db, ChangeWriter.open(db, () => live.clock.now(), { newRowClocks: false, newRowValues: false }), logSeq, copiedUpTo, options);
    } catch (error) {
      if (db?.sqlite.open) db.sqlite.close();
      removeFiles(file);
      throw error;
    }
  }

  /**
   * Copies everything the import wrote into the live database in one transaction (through the live connection's
   * write gate, so main grants the lock). Returns the tables written. The tables `prepareTransfer` readied are
   * transferred whole where they are still empty live; every other table is copied by its columns.
   *
   * Where the statistics thread is still counting (settle), the copy writes the rows meanwhile and waits for its
   * file only where it copies the statistics, last (0.6 s of the thread's work at 100,000 rows, which the import's
   * thread waited for before the copy). Not finished within `statisticsWaitMs` (or failed), the copy is rolled back,
   * the thread waited for outside the lock, and the copy made again.
   */
  async apply(live: Database, job?: JobControl): Promise<string[]> {
    const thread = this.statisticsPending;
    this.statisticsPending = null;
    try {
      if (thread) {
        const waitMs = this.stagingOptions.statisticsWaitMs ?? statisticsWaitMs;
        const touched = this.copy(live, job, () => waitMs > 0 && thread.waitSettled(waitMs));
        if (touched) return touched;
        // Its failure, if it failed; else it has finished since.
        await thread.settled();
      }
      return this.copy(live, job, () => true)!;
    } finally {
      await thread?.stop();
    }
  }

  /** The copy (apply); null, having written nothing, where `statisticsReady` says the statistics are not. */
  private copy(live: Database, job: JobControl | undefined, statisticsReady: () => boolean): string[] | null {
    const touched = new Set<string>();
    const transferable = this.transferable;
    // The staging connection has written its last row: its page cache (up to 64 MB) is handed back before the copy
    // grows the live connection's, so the two do not add up in the import's peak memory. The copy reads the staged
    // rows through the live connection's own attachment.
    this.db.sqlite.pragma('shrink_memory');
    live.sqlite.prepare(`ATTACH DATABASE ? AS staging`).run(this.file);
    const statistics = this.statisticsSchema;
    // Attached while the thread may still write it (only outside a transaction can a file be attached; its schema,
    // read now, waits for a commit of the thread's under way: busy_timeout), it is read from the copy's first
    // statement that touches it, after the wait below: until then the copy holds no lock on it that would refuse
    // the thread's commits.
    if (statistics !== 'staging') live.sqlite.prepare(`ATTACH DATABASE ? AS ${statistics}`).run(this.statisticsFile);
    const schemaOf = (table: string) => (threadFileTables.includes(table) ? statistics : 'staging');
    // Not SQLite's own checkpoint in the copy's commit: a job's connection keeps it as a safety net
    // (wal_autocheckpoint, db/connection.ts), and the copy's log (about 100,000 pages at 100,000 rows) is far past it,
    // so the commit went on to copy the whole log into the database file, in the job's thread, with main's write
    // lock still held. The log is checkpointed once the app is idle instead (announced tables: checkpointWhenIdle).
    const autoCheckpoint = live.sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
    live.sqlite.pragma('wal_autocheckpoint = 0');
    // SQLite transfers a table with foreign keys only when it does not enforce them (only outside a transaction
    // can that be turned off): the copy then checks what it wrote itself, before its commit.
    const foreignKeys = live.sqlite.pragma('foreign_keys', { simple: true }) as number;
    if (transferable.length > 0) live.sqlite.pragma('foreign_keys = OFF');
    const checksForeignKeys = foreignKeys === 1 && live.sqlite.pragma('foreign_keys', { simple: true }) === 0;
    try {
      // Every staged log entry is a new row's one `*` entry: the staging's writer, which leaves new rows' clocks to
      // this copy, refuses any other change (writer.ts, newRowClocks), so the log is not read again here to check it
      // (0.24 s before the lock at 100,000 rows).
      // Before the lock: which partial indexes no staged row enters (read on the staging's own indexes).
      const entered = partialIndexesEntered(live, schemaOf, stagedRowTables);
      // On main only: an IMMEDIATE transaction begins one on every attached database, the statistics' file too,
      // which its thread may still be writing.
      return live.transaction(() => {
        const changedSince = new Set(live.sql(`SELECT DISTINCT table_name FROM main.change_log WHERE seq > ?`).pluck().all(this.logSeq) as string[]);
        if (changedSince.has('stages')) this.checkStagesStillLive(live);
        const namesakes = new Namesakes();
        if (changedSince.has('companies')) this.takeLiveNamesakes(live, namesakes, 'companies');
        if (changedSince.has('tags')) this.takeLiveNamesakes(live, namesakes, 'tags');
        // Derived data computed in staging holds company row numbers and names as they were when it started.
        const stagedDerivedHolds = !changedSince.has('companies') && !changedSince.has('tags');
        const offset = (live.sql(`SELECT coalesce(max(seq), 0) FROM main.applications`).pluck().get() as number) - this.firstStagedSeq(live) + 1;

        // Nothing written live meanwhile (no namesake taken, the seq offset 0): the staged rows are already as the
        // copy by columns would write them into the empty tables.
        const transferred = new Set(changedSince.size === 0 && offset === 0 ? emptyLive(live, transferable) : []);
        const rebuilt = dropIndexesOfOutgrownTables(live, entered, transferred, schemaOf, stagedRowTables);
        // The rows a table was transferred with, or null where it is to be copied by columns.
        const copiedWhole = (table: string) => (transferred.has(table) ? transferTable(live, table, schemaOf(table)) : null);
        for (const [index, table] of syncedTables.entries()) {
          job?.progress('applying', index, syncedTables.length);
          const columns = columnsOf(live, 'main', table);
          const conditions = [...(table in this.copiedUpTo ? [`rowid > ${this.copiedUpTo[table]}`] : []), ...namesakes.leftOut(table)];
          const from = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
          // New companies keep their row number when nothing took it meanwhile: the staged statistics refer to it.
          const keepRowid = table === 'companies' && stagedDerivedHolds;
          const target = [...(keepRowid ? ['rowid'] : []), ...columns];
          const source = target.map((column) => (table === 'applications' && column === 'seq' ? `seq + ${offset}` : namesakes.value(table, column)));
          const copied =
            copiedWhole(table) ??
            live.sql(`INSERT INTO main.${table} (${target.join(', ')}) SELECT ${source.join(', ')} FROM staging.${table} ${from} ORDER BY rowid`).run().changes;
          if (copied > 0) touched.add(table);
        }
        if (copiedWhole('change_log') === null) {
          live.sql(
            `INSERT INTO main.change_log (hlc, table_name, row_id, column_name, value, origin)
             SELECT hlc, table_name, row_id, column_name, value, origin FROM staging.change_log ORDER BY seq`,
          ).run();
        }
        // Every staged entry is a new row's one `*` entry (see above), whose clocks the write path stores as
        // {"*": its hlc}: derived here from the log instead of written into staging and copied (413,000 rows at
        // 100,000 applications). test/imports/staging-apply.test.ts compares them with the write path's.
        live.sql(
          `INSERT INTO main.row_clocks (row_id, table_name, clocks)
           SELECT row_id, table_name, json_object('*', hlc) FROM staging.change_log ORDER BY seq`,
        ).run();

        // Nothing above reads the statistics thread's file.
        if (!statisticsReady()) throw new StatisticsNotReady();
        const statisticsEntered = partialIndexesEntered(live, schemaOf, statisticsRebuildableTables);
        rebuilt.push(...dropIndexesOfOutgrownTables(live, statisticsEntered, transferred, schemaOf, statisticsRebuildableTables));
        if (stagedDerivedHolds) {
          live.sql(`INSERT INTO main.applications_fts (rowid, ${stagedTextColumns}) SELECT rowid + ${offset}, ${stagedTextColumns} FROM ${schemaOf('applications_fts')}.applications_fts`).run();
          if (copiedWhole('statistics_facts') === null) live.sql(`INSERT INTO main.statistics_facts SELECT seq + ${offset}, ${columnsOf(live, 'main', 'statistics_facts').slice(1).join(', ')} FROM ${statistics}.statistics_facts`).run();
          live.sql(
            `INSERT INTO main.statistics_cells (kind, scope, key, value, count) SELECT kind, scope, key, value, count FROM ${statistics}.statistics_cells WHERE true
             ON CONFLICT (kind, scope, key, value) DO UPDATE SET count = count + excluded.count`,
          ).run();
          live.sql(
            `INSERT INTO main.statistics_skill_months SELECT * FROM ${statistics}.statistics_skill_months WHERE true
             ON CONFLICT (month, source, kind, skill) DO UPDATE SET active = active + excluded.active, archived = archived + excluded.archived`,
          ).run();
          live.sql(
            `INSERT INTO main.statistics_month_cells SELECT * FROM ${statistics}.statistics_month_cells WHERE true
             ON CONFLICT (month, source, kind, key, value) DO UPDATE SET active = active + excluded.active, archived = archived + excluded.archived`,
          ).run();
        }
        for (const index of rebuilt) live.sqlite.exec(index);
        // On the indexes built again: without application_tags_pair each application's tags were looked up by a
        // scan, and listed in its full-text row in another order than the write path's.
        if (!stagedDerivedHolds) this.deriveOnLive(live);
        if (checksForeignKeys) checkForeignKeys(live, touched);
        const lastClock = this.changes.clock.tick();
        live.sql(`INSERT INTO main.meta (key, value) VALUES ('hlc_last', ?) ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)`).run(lastClock);
        return [...touched].sort();
      }, { mainOnly: true });
    } catch (error) {
      if (error instanceof StatisticsNotReady) return null;
      throw error;
    } finally {
      live.sqlite.pragma(`foreign_keys = ${foreignKeys}`);
      live.sqlite.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
      live.sqlite.prepare(`DETACH DATABASE staging`).run();
      if (statistics !== 'staging') live.sqlite.prepare(`DETACH DATABASE ${statistics}`).run();
    }
  }

  /**
   * A first import: its largest tables, empty live, will be transferred whole (raw-copy.ts), their indexes sorted
   * here in staging, before the backup and the lock, where a cancel still leaves the live database untouched.
   * `transfer: false` leaves every table to the copy by columns (for the test that compares both ways).
   */
  prepareTransfer(live: Database, { transfer = true }: { transfer?: boolean } = {}): void {
    this.transferable = transfer ? emptyLive(live) : [];
    buildLiveIndexesInStaging(live, this.db, this.transferable);
  }

  /**
   * The staged applications' derived data, owed by the bulk writes (current stages, full-text rows, statistics),
   * computed once, set-based (owed-derived.ts), then the copy prepared (prepareTransfer). With a statistics thread
   * (`StagingOptions.statisticsThread`), the statistics and the full-text rows are computed there into a file of its
   * own (statistics-thread.ts) while this thread checks the current stages and builds the indexes the copy transfers:
   * the second core was idle for the whole of it (docs/performance.md). The thread reads the staging as the last
   * staged batch left it (a WAL snapshot, enterWal) while this thread writes; `apply` then reads the statistics and
   * full-text rows from its file.
   */
  async settle(live: Database, options: { transfer?: boolean } = {}): Promise<void> {
    const { transfer = true } = options;
    this.launchStatisticsThread();
    this.settling = true;
    const thread = this.statisticsThread;
    try {
      const after = pendingAfter(this.db);
      if (!thread || after === null || !this.statisticsEmpty()) {
        settleDerivedData(this.db);
        this.prepareTransfer(live, { transfer });
        return;
      }
      this.transferable = transfer ? emptyLive(live) : [];
      this.enterWal();
      await thread.settle({ after, indexes: this.transferable.includes('statistics_facts') ? liveIndexes(live, ['statistics_facts']) : [] });
      // The thread reads the current stages the import wrote with each application (imports/write.ts); the write
      // path's recompute of them runs meanwhile, as a check that changes none (0.27 s at 100,000 rows, which the
      // thread waited for). Where it changed some, the thread's statistics were computed from stages no longer
      // staged: they are computed here again, after it, with the full-text rows, and the thread's file is left unread.
      const stagesHeld = settleCurrentStages(this.db, after) === 0;
      if (stagesHeld) writeOffDerivedData(this.db);
      else {
        settleRemainingText(this.db, after);
        storeInsertedStatistics(this.db, after);
      }
      buildLiveIndexesInStaging(live, this.db, stagesHeld ? this.transferable.filter((table) => table !== 'statistics_facts') : this.transferable);
      await thread.read();
      this.leaveWal();
      if (!stagesHeld) {
        await thread.settled();
        return;
      }
      // Its counts and indexes it finishes while the copy writes the rows (apply).
      this.statisticsSchema = 'staged_statistics';
      this.statisticsPending = thread;
    } finally {
      this.statisticsThread = null;
      if (this.statisticsPending !== thread) await thread?.stop();
    }
  }

  /**
   * For the statistics thread's read (settle): with the rollback journal, a reader's shared lock refused the
   * staging's commits, and the import's thread waited for the whole read (0.5 s at 100,000 rows). In WAL the reader
   * keeps its snapshot while this connection commits. Only for the tail: the staged batches before it have no
   * reader. No checkpoint meanwhile: none can pass the reader's snapshot.
   */
  private enterWal(): void {
    this.db.sqlite.pragma('journal_mode = WAL');
    this.db.sqlite.pragma('wal_autocheckpoint = 0');
  }

  /**
   * Once the thread has let the staging go, its log copied into the file and the journal back in memory, while the
   * thread finishes its counts: the copy (apply) then reads one file, and closing the staging has no log to copy.
   */
  private leaveWal(): void {
    this.db.sqlite.pragma('journal_mode = MEMORY');
  }

  /** Whether nothing was written into the staging's statistics and full-text rows yet (a bulk write owes them all). */
  private statisticsEmpty(): boolean {
    return threadFileTables.every((table) => this.db.sql(`SELECT 1 FROM main.${table} LIMIT 1`).get() === undefined);
  }

  close(): void {
    // Stopped where the import failed while it ran (settle and apply stop it themselves): the thread dies with its
    // connection.
    void this.statisticsThread?.stop();
    void this.statisticsPending?.stop();
    if (this.db.sqlite.open) {
      this.db.statements.clear();
      this.db.sqlite.close();
    }
    removeFiles(this.file);
    removeFiles(this.statisticsFile);
  }

  private firstStagedSeq(live: Database): number {
    return (live.sql(`SELECT coalesce(min(seq), 1) FROM staging.applications`).pluck().get() as number) ?? 1;
  }

  /** A stage the import puts applications in was deleted meanwhile: nothing is imported. */
  private checkStagesStillLive(live: Database): void {
    const gone = live
      .sql(
        `SELECT 1 FROM staging.stage_events e WHERE NOT EXISTS (SELECT 1 FROM main.stages s WHERE s.id = e.to_stage_id AND s.deleted_at IS NULL) LIMIT 1`,
      )
      .get();
    if (gone) throw new AppError('CONFLICT', 'A stage this import uses was deleted while it ran; nothing was imported. Try again.');
  }

  /**
   * A company (or tag) the import created may have been created live meanwhile under the same name (an import
   * takes one company per name): the import's rows then refer to the live one, and the staged one is dropped with
   * its log entry. The staged rows are re-pointed as they are copied, not in staging: the live connection checks
   * the staging's foreign keys too (at its commit), and staging holds no copy of a company created after it began.
   */
  private takeLiveNamesakes(live: Database, namesakes: Namesakes, table: NamedTable): void {
    const pairs = live
      .sql(
        `SELECT s.id AS staged, m.id AS live FROM staging.${table} s JOIN main.${table} m ON m.name_key = s.name_key AND m.deleted_at IS NULL
         WHERE s.rowid > ? AND s.deleted_at IS NULL AND m.id <> s.id`,
      )
      .all(this.copiedUpTo[table]) as { staged: string; live: string }[];
    if (pairs.length === 0) return;
    namesakes.take(live, table, pairs);
    for (const pair of pairs) {
      for (const [referrer, column] of namesakeReferrers[table]) {
        live
          .sql(`UPDATE staging.change_log SET value = json_set(value, '$.${column}', ?) WHERE table_name = ? AND column_name = '*' AND json_extract(value, '$.${column}') = ?`)
          .run(pair.live, referrer, pair.staged);
      }
      live.sql(`DELETE FROM staging.change_log WHERE row_id = ?`).run(pair.staged);
    }
  }

  /** The derived data of the copied rows, computed on the live rows as the write path does after a write. */
  private deriveOnLive(live: Database): void {
    const ids = new Set(live.sql(`SELECT id FROM staging.applications`).pluck().all() as string[]);
    const touched = new Map<string, Set<string>>([['applications', ids]]);
    const fresh = new FreshRows();
    for (const id of ids) fresh.add('applications', id, {});
    const { text, statistics } = affectedApplications(live, touched, fresh);
    reindexApplications(live, text, ids);
    refreshStatistics(live, statistics);
  }
}

type NamedTable = 'companies' | 'tags';

/** The staged columns that refer to a company or tag by id, which a live namesake takes the place of. */
const namesakeReferrers: Record<NamedTable, readonly [table: string, column: string][]> = {
  companies: [
    ['applications', 'company_id'],
    ['contacts', 'company_id'],
  ],
  tags: [['application_tags', 'tag_id']],
};

/**
 * The staged companies and tags a live namesake replaces (see takeLiveNamesakes), held in a table of the staging
 * database (thrown away with it): the copy leaves those rows out and writes the live id where a staged row refers to one.
 */
class Namesakes {
  private readonly tables = new Set<NamedTable>();

  take(live: Database, table: NamedTable, pairs: readonly { staged: string; live: string }[]): void {
    if (this.tables.size === 0) live.sqlite.exec(`CREATE TABLE IF NOT EXISTS staging.namesakes (staged TEXT PRIMARY KEY, live TEXT NOT NULL) WITHOUT ROWID`);
    this.tables.add(table);
    const insert = live.sql(`INSERT INTO staging.namesakes (staged, live) VALUES (?, ?)`);
    for (const pair of pairs) insert.run(pair.staged, pair.live);
  }

  /** The conditions that leave the replaced rows of a table out of the copy. */
  leftOut(table: string): string[] {
    return this.tables.has(table as NamedTable) ? [`id NOT IN (SELECT staged FROM staging.namesakes)`] : [];
  }

  /** What the copy writes into a column: the live namesake's id where the staged row refers to a replaced one. */
  value(table: string, column: string): string {
    const refersToReplaced = [...this.tables].some((named) => namesakeReferrers[named].some(([referrer, referring]) => referrer === table && referring === column));
    return refersToReplaced ? `coalesce((SELECT live FROM staging.namesakes WHERE staged = ${column}), ${column})` : column;
  }
}

/** The live tables an import adds most rows to, whose secondary indexes the copy may build anew (see below). */
const rebuildableTables = ['applications', 'stage_events', 'application_tags', 'application_field_values', 'change_log', 'statistics_facts'];
/** Those of them the staging itself holds, and those the statistics thread's file may hold (read after its wait). */
const stagedRowTables = rebuildableTables.filter((table) => !stagedStatisticsTables.includes(table));
const statisticsRebuildableTables = rebuildableTables.filter((table) => stagedStatisticsTables.includes(table));

/** How long the copy, holding the write lock, waits for the statistics thread before it lets the lock go (apply). */
const statisticsWaitMs = 5000;

/** The copy found the statistics thread still counting (or failed) after `statisticsWaitMs`: rolled back. */
class StatisticsNotReady extends Error {}

/**
 * The copy writes every staged row into each index of its table, one entry at a time, most of them at places all
 * over the index (by date, stage, company): where the import brings more rows than the table holds (the first
 * import of a search), each such index is dropped before the copy and created again after it, sorted once, in
 * the same transaction. Returns the statements that create them again. Unique indexes stay (they are what
 * refuses a duplicate row as it is copied), as do those of tables the import adds fewer rows to than they hold.
 */
function dropIndexesOfOutgrownTables(
  live: Database,
  entered: (index: { name: string; sql: string }) => boolean,
  transferred: ReadonlySet<string>,
  schemaOf: (table: string) => string,
  tables: readonly string[],
): string[] {
  const rebuilt: string[] = [];
  for (const table of tables) {
    // Copied with its indexes, built in staging.
    if (transferred.has(table)) continue;
    const rows = (name: string) => live.sql(`SELECT coalesce(max(rowid), 0) FROM ${name}.${table}`).pluck().get() as number;
    // Row numbers count the rows closely enough here, and are read without a scan.
    if (rows(schemaOf(table)) <= rows('main')) continue;
    const indexes = live
      .sql(`SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`)
      .all(table) as { name: string; sql: string }[];
    for (const index of indexes) {
      // No copied row enters it: kept, the copy only tests its condition on each row, where building it again
      // would read the whole table for nothing (applications_deleted and stage_events_automatic, 0.13 s of the
      // lock at 100,000 rows).
      if (!entered(index)) continue;
      live.sqlite.exec(`DROP INDEX main."${index.name}"`);
      rebuilt.push(index.sql);
    }
  }
  return rebuilt;
}

/** The condition of a partial index, from its CREATE INDEX text (our schema's), or null for a whole one. */
function partialIndexCondition(sql: string): string | null {
  return /\)\s*WHERE\s+([\s\S]+)$/i.exec(sql)?.[1].trim() ?? null;
}

/**
 * Whether any staged row enters a partial index of the live schema: those that no row enters are kept through
 * the copy instead of built again (dropIndexesOfOutgrownTables). Asked of the staged table under the index's own
 * condition, which the staging's copy of the index answers at once where it has it (applications_deleted,
 * stage_events_automatic); where the staging dropped it, its first row usually matches.
 */
function partialIndexesEntered(live: Database, schemaOf: (table: string) => string, tables: readonly string[]): (index: { name: string; sql: string }) => boolean {
  const answers = new Map<string, boolean>();
  const indexes = live
    .sql(`SELECT name, tbl_name AS "table", sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL`)
    .all() as { name: string; table: string; sql: string }[];
  for (const index of indexes) {
    const condition = partialIndexCondition(index.sql);
    if (condition === null || !tables.includes(index.table)) continue;
    answers.set(index.name, live.sql(`SELECT 1 FROM ${schemaOf(index.table)}.${index.table} WHERE ${condition} LIMIT 1`).get() !== undefined);
  }
  return (index) => answers.get(index.name) ?? true;
}

/**
 * Copies the reference rows from the live database in one read of it, with their row numbers (the statistics
 * refer to companies by theirs), and notes where the live change log stood.
 */
function copyReferenceRows(db: Database, liveFile: string): { logSeq: number; copiedUpTo: Record<string, number> } {
  db.sqlite.prepare(`ATTACH DATABASE ? AS live`).run(liveFile);
  try {
    return db.transaction(() => {
      // The rows a new database starts with (stages, profile, automation settings): the live ones are copied instead,
      // and nothing the import did not write may be copied back.
      for (const table of [...syncedTables].reverse()) db.sqlite.exec(`DELETE FROM main.${table}`);
      db.sqlite.exec(`DELETE FROM main.meta WHERE key IN ('node_id', 'hlc_last')`);
      const logSeq = (db.sql(`SELECT coalesce(max(seq), 0) FROM live.change_log`).pluck().get() as number) ?? 0;
      const copiedUpTo: Record<string, number> = {};
      for (const table of referenceTables) {
        const columns = columnsOf(db, 'main', table).join(', ');
        db.sql(`INSERT INTO main.${table} (rowid, ${columns}) SELECT rowid, ${columns} FROM live.${table}`).run();
        copiedUpTo[table] = (db.sql(`SELECT coalesce(max(rowid), 0) FROM main.${table}`).pluck().get() as number) ?? 0;
      }
      db.sql(`INSERT INTO main.meta (key, value) SELECT key, value FROM live.meta WHERE key IN ('node_id', 'hlc_last')`).run();
      return { logSeq, copiedUpTo };
    });
  } finally {
    db.sqlite.prepare(`DETACH DATABASE live`).run();
  }
}
