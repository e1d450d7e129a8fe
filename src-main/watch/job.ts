import crypto from 'node:crypto';
import type { BoardKind, CheckError } from '../../src-shared/contract';
import { deterministicId } from '../automation/ids';
import { insertNotification } from '../automation/rules/common';
import type { JobKind, Occurrence } from '../automation/scheduler';
import type { WriteContext } from '../changes/writer';
import type { Database } from '../db/connection';
import type { BoardWatchesTable } from '../db/schema';
import { boardAdapters, type BoardPosting } from './boards';
import { fetchCareersPage, NoPostingOnPage } from './careers-page';
import { fetchBoard, type BoardAnswer, type FetchLimits } from './fetch-board';
import { matchesWatch } from './filter';
import { checkRow, liveWatchRow } from './queries';
import { baseUrlOf, readWatchSettings } from './settings';

export interface WatchJobOptions extends Partial<FetchLimits> {
  /** Between two checks of a board that answered. */
  intervalMs?: number;
  /** The wait after the first failure; it doubles with each failure in a row, up to `retryCapMs`. */
  retryBaseMs?: number;
  retryCapMs?: number;
  /** Careers pages on loopback or private networks are refused unless this is set (tests serve them on 127.0.0.1). */
  allowPrivateAddresses?: boolean;
}

const minute = 60_000;
export const watchDefaults = {
  intervalMs: 3 * 60 * minute,
  retryBaseMs: 15 * minute,
  retryCapMs: 24 * 60 * minute,
  timeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
} as const;

export const watchJobName = 'board-watch';

interface WatchOccurrence extends Occurrence {
  watchId: string;
}

/** What was found, besides the answer: the board's answer with the watch it was filtered for. */
interface Checked {
  answer: BoardAnswer;
  fingerprint: string;
}

/** What a check's answer depends on: a changed board or filter asks afresh (no 304 for the old filter's answer). */
function fingerprintOf(watch: BoardWatchesTable, baseUrl: string): string {
  const parts = [watch.kind, watch.board, baseUrl, watch.keywords, watch.locations, watch.remote];
  return crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** The wait before checking again after `failures` failed checks in a row. */
export function retryDelay(failures: number, options: Required<Pick<WatchJobOptions, 'retryBaseMs' | 'retryCapMs'>>): number {
  return Math.min(options.retryBaseMs * 2 ** Math.min(failures - 1, 30), options.retryCapMs);
}

/** An opportunity's id: the same on every device that saw the same posting on the same watch. */
export const opportunityId = (watchId: string, externalId: string) => deterministicId('opportunity', watchId, externalId);

function saveCheck(db: Database, watchId: string, fields: Record<string, string | number | null>): void {
  const columns = Object.keys(fields);
  db.sql(
    `INSERT INTO board_watch_checks (watch_id, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})
     ON CONFLICT (watch_id) DO UPDATE SET ${columns.map((column) => `${column} = excluded.${column}`).join(', ')}`,
  ).run(watchId, ...Object.values(fields));
}

/** Writes the postings of a board's answer: new matching ones into the inbox, gone ones closed. Returns how many are new. */
function applyPostings(db: Database, write: WriteContext, watch: BoardWatchesTable, postings: readonly BoardPosting[]): number {
  const filter = {
    keywords: JSON.parse(watch.keywords) as string[],
    locations: JSON.parse(watch.locations) as string[],
    remote: watch.remote as 'any' | 'remote' | 'on_site',
  };
  const listed = new Set(postings.map((posting) => posting.externalId));
  let added = 0;
  for (const posting of postings) {
    const id = opportunityId(watch.id, posting.externalId);
    const stored = db.sql(`SELECT closed_at, deleted_at FROM opportunities WHERE id = ?`).get(id) as { closed_at: string | null; deleted_at: string | null } | undefined;
    if (stored) {
      // Listed again (a posting taken down for a day, or a board's hiccup): open again, in whatever state it was.
      if (stored.closed_at !== null) write.update('opportunities', id, { closed_at: null });
      continue;
    }
    if (!matchesWatch(posting, filter)) continue;
    write.insert(
      'opportunities',
      {
        watch_id: watch.id,
        external_id: posting.externalId,
        title: posting.title.slice(0, 500),
        location: posting.location?.slice(0, 500) ?? null,
        remote: posting.remote === null ? null : posting.remote ? 1 : 0,
        url: posting.url,
        description: posting.description?.slice(0, 200_000) ?? null,
        department: posting.department?.slice(0, 200) ?? null,
        employment_type: posting.employmentType,
        salary_min: posting.salary?.min ?? null,
        salary_max: posting.salary?.max ?? null,
        salary_currency: posting.salary?.currency ?? null,
        salary_period: posting.salary?.period ?? null,
        posted_at: posting.postedAt,
        status: 'new',
      },
      id,
    );
    added += 1;
  }
  const open = db
    .sql(`SELECT id, external_id FROM opportunities WHERE watch_id = ? AND closed_at IS NULL AND deleted_at IS NULL`)
    .all(watch.id) as { id: string; external_id: string }[];
  for (const row of open) if (!listed.has(row.external_id)) write.update('opportunities', row.id, { closed_at: write.now });
  return added;
}

/**
 * Checks the watched boards: each when its time comes (never checked: at once; then every `intervalMs`; after a
 * failure, later and later up to a cap), one request per board per check, conditional, in the scheduler's tick.
 * Runs are not in the synced ledger (`ledger: false`): when to check is this device's own business, and a check
 * that found nothing new (a 304) writes nothing that syncs.
 */
export function boardWatchJob(options: WatchJobOptions = {}): JobKind<WatchOccurrence, Checked | null> {
  const settings = { ...watchDefaults, ...options };
  return {
    name: watchJobName,
    ledger: false,
    plan(context, now) {
      const rows = context.db
        .sql(
          `SELECT w.*, c.next_check_at, c.fingerprint FROM board_watches w LEFT JOIN board_watch_checks c ON c.watch_id = w.id
           WHERE w.deleted_at IS NULL`,
        )
        .all() as (BoardWatchesTable & { next_check_at: string | null; fingerprint: string | null })[];
      const baseUrls = readWatchSettings(context.db);
      const due: WatchOccurrence[] = [];
      let nextAt: number | null = null;
      for (const row of rows) {
        const changed = row.fingerprint !== fingerprintOf(row, baseUrlOf(baseUrls, row.kind as BoardKind));
        const dueAt = row.next_check_at === null || changed ? now : Math.min(Date.parse(row.next_check_at), now + settings.intervalMs);
        // A check due now sets its own next time as it runs: the scheduler looks again at the soonest it can be.
        const next = dueAt <= now ? now + Math.min(settings.retryBaseMs, settings.intervalMs) : dueAt;
        if (dueAt <= now) due.push({ key: `${row.id}@${new Date(now).toISOString()}`, dueAt: now, watchId: row.id });
        if (nextAt === null || next < nextAt) nextAt = next;
      }
      return { due, nextAt };
    },
    async prepare(context, occurrence) {
      const watch = liveWatchRow(context.db, occurrence.watchId);
      if (!watch) return null;
      const kind = watch.kind as BoardKind;
      const adapter = boardAdapters[kind];
      if (!adapter) return null;
      const baseUrl = baseUrlOf(readWatchSettings(context.db), kind);
      const fingerprint = fingerprintOf(watch, baseUrl);
      const check = checkRow(context.db, watch.id);
      const sameQuestion = check?.fingerprint === fingerprint;
      const previous = { etag: sameQuestion ? (check?.etag ?? null) : null, lastModified: sameQuestion ? (check?.last_modified ?? null) : null };
      const url = adapter.url(baseUrl, watch.board);
      const answer =
        kind === 'page'
          ? await fetchCareersPage(url, previous, { ...settings, allowPrivateAddresses: settings.allowPrivateAddresses === true })
          : await fetchBoard(url, previous, settings, `Candid/${context.version} (job board watcher)`);
      return { answer, fingerprint };
    },
    run(context, occurrence, write, checked) {
      const { db } = context;
      const watch = liveWatchRow(db, occurrence.watchId);
      // Deleted while its board was being asked: nothing to do.
      if (!watch || !checked) return 'skipped';
      const now = context.clock.now();
      const at = (ms: number) => new Date(ms).toISOString();
      const failed = (error: CheckError) => {
        const failures = (checkRow(db, watch.id)?.failures ?? 0) + 1;
        saveCheck(db, watch.id, {
          checked_at: at(now),
          error: JSON.stringify(error),
          failures,
          next_check_at: at(now + retryDelay(failures, settings)),
          fingerprint: checked.fingerprint,
        });
      };
      const succeeded = (extra: Record<string, string | null>) =>
        saveCheck(db, watch.id, {
          checked_at: at(now),
          succeeded_at: at(now),
          error: null,
          failures: 0,
          next_check_at: at(now + settings.intervalMs),
          fingerprint: checked.fingerprint,
          ...extra,
        });
      const { answer } = checked;
      context.changes.announce(['board_watches']);
      if (answer.kind === 'error') {
        failed(answer.error);
        return 'ran';
      }
      if (answer.kind === 'not-modified') {
        succeeded({});
        return 'ran';
      }
      let postings: BoardPosting[];
      try {
        postings = boardAdapters[watch.kind as BoardKind].parse(answer.body);
      } catch (error) {
        failed(error instanceof NoPostingOnPage ? error.checkError : { code: 'bad_response' });
        return 'ran';
      }
      const added = applyPostings(db, write, watch, postings);
      succeeded({ etag: answer.etag, last_modified: answer.lastModified });
      if (added > 0) {
        insertNotification(db, write, {
          id: deterministicId('automation', watchJobName, watch.id, at(now)),
          kind: 'new-opportunities',
          applicationId: null,
          subjectId: watch.id,
          data: { count: added, company: watch.company_name },
          dueAt: now,
        });
      }
      return 'ran';
    },
  };
}
