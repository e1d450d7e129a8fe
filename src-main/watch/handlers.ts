import { boardOfKind, createApplicationInput, type ParsedInput } from '../../src-shared/contract';
import { AppError, notFound } from '../../src-shared/errors';
import { createApplication } from '../applications/mutations';
import type { WriteContext } from '../changes/writer';
import type { Database } from '../db/connection';
import { defineHandlers } from '../handler';
import { requireLive } from '../shared/require';
import { firstStageOf } from '../stages/lookup';
import { getOpportunity, getWatch, listOpportunities, listWatches } from './queries';
import { readWatchSettings, writeWatchSettings } from './settings';

/** The synced columns of a watch from the channel's fields (lists as JSON text). */
function watchColumns(fields: Partial<ParsedInput<'watches.create'>>): Record<string, string> {
  const columns: Record<string, string> = {};
  if (fields.kind !== undefined) columns.kind = fields.kind;
  if (fields.board !== undefined) columns.board = fields.board;
  if (fields.companyName !== undefined) columns.company_name = fields.companyName;
  if (fields.keywords !== undefined) columns.keywords = JSON.stringify(fields.keywords);
  if (fields.locations !== undefined) columns.locations = JSON.stringify(fields.locations);
  if (fields.remote !== undefined) columns.remote = fields.remote;
  return columns;
}

/** One board watched once: the same board twice would fill the inbox with each posting twice. */
function requireUnwatched(db: Database, kind: string, board: string, exceptId?: string): void {
  const taken = db
    .sql(`SELECT id FROM board_watches WHERE deleted_at IS NULL AND kind = ? AND lower(board) = lower(?) AND id IS NOT ?`)
    .get(kind, board, exceptId ?? null);
  if (taken) {
    throw new AppError('CONFLICT', `The board ${board} is already watched`, { issues: [{ path: 'board', code: 'duplicate', message: 'already watched' }] });
  }
}

/** The board of an edited watch checked against its kind (either may change alone): a name, or a page's address. */
function checkedBoard(kind: ParsedInput<'watches.create'>['kind'], board: string): string {
  const parsed = boardOfKind(kind).safeParse(board);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? 'is not a board of this kind';
  throw new AppError('VALIDATION', `The board ${message}`, { issues: [{ path: 'patch.board', code: 'custom', message }] });
}

const statusOfAction = { seen: 'seen', unseen: 'new', dismiss: 'dismissed', restore: 'seen' } as const;

function actOnOpportunities(db: Database, write: WriteContext, input: ParsedInput<'opportunities.act'>): number {
  const rows = db
    .sql(`SELECT id, status FROM opportunities WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`)
    .all(JSON.stringify(input.ids)) as { id: string; status: string }[];
  let count = 0;
  for (const row of rows) {
    // A tracked posting stays tracked: its application is where it lives now.
    if (row.status === 'tracked') continue;
    // Only a dismissed posting is restored; seen/unseen leave a dismissed one where it is.
    if (input.action === 'restore' ? row.status !== 'dismissed' : row.status === 'dismissed') continue;
    if (write.update('opportunities', row.id, { status: statusOfAction[input.action] })) count += 1;
  }
  return count;
}

/**
 * Tracks a posting: a new application in the first wishlist stage, made through the create path from the posting
 * (its company, title, location, link, text, salary), and the opportunity marked tracked with a link to it.
 */
function trackOpportunity(db: Database, write: WriteContext, id: string): string {
  const opportunity = getOpportunity(db, id);
  if (opportunity.status === 'tracked' && opportunity.applicationId) {
    const live = db.sql(`SELECT 1 FROM applications WHERE id = ? AND deleted_at IS NULL`).get(opportunity.applicationId);
    if (live) return opportunity.applicationId;
  }
  const wishlist = firstStageOf(db, 'wishlist');
  if (!wishlist) throw new AppError('CONFLICT', 'There is no wishlist stage to put the application in');
  const salaryKnown = opportunity.salaryMin !== null || opportunity.salaryMax !== null;
  const input = createApplicationInput.parse({
    companyName: opportunity.companyName,
    position: opportunity.title.slice(0, 200),
    location: opportunity.location?.slice(0, 200) ?? null,
    workMode: opportunity.remote === true ? 'remote' : null,
    employmentType: opportunity.employmentType,
    source: 'company_site',
    postingUrl: opportunity.url,
    description: opportunity.description,
    salaryMin: salaryKnown ? opportunity.salaryMin : null,
    salaryMax: salaryKnown ? opportunity.salaryMax : null,
    salaryCurrency: salaryKnown ? opportunity.salaryCurrency : null,
    salaryPeriod: salaryKnown ? opportunity.salaryPeriod : null,
    stageId: wishlist.id,
    // The posting as the board listed it, frozen on the application as capture freezes a page's.
    capturedPosting: { text: opportunity.description, url: opportunity.url, capturedAt: write.now },
  });
  const applicationId = createApplication(db, write, input);
  write.update('opportunities', id, { status: 'tracked', application_id: applicationId });
  return applicationId;
}

export const watchHandlers = defineHandlers({
  'watches.list': (_input, { db }) => listWatches(db),
  'watches.create': (input, { db, changes }) => {
    const id = changes.write((write) => {
      requireUnwatched(db, input.kind, input.board);
      return write.insert('board_watches', watchColumns(input));
    });
    return getWatch(db, id);
  },
  'watches.update': (input, { db, changes }) => {
    changes.write((write) => {
      const current = getWatch(db, input.id);
      const patch = { ...input.patch };
      if (patch.kind !== undefined || patch.board !== undefined) {
        const kind = patch.kind ?? current.kind;
        patch.board = checkedBoard(kind, patch.board ?? current.board);
        requireUnwatched(db, kind, patch.board, input.id);
      }
      write.update('board_watches', input.id, watchColumns(patch));
    });
    return getWatch(db, input.id);
  },
  'watches.delete': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'board_watches', input.id);
      write.softDelete('board_watches', input.id);
    });
    return { id: input.id };
  },
  'watches.restore': (input, { db, changes }) => {
    changes.write((write) => {
      const row = db.sql(`SELECT kind, board FROM board_watches WHERE id = ?`).get(input.id) as { kind: string; board: string } | undefined;
      if (!row) throw notFound('Watched board', input.id);
      if (write.restore('board_watches', input.id)) requireUnwatched(db, row.kind, row.board, input.id);
    });
    return getWatch(db, input.id);
  },
  'watches.settings': (_input, { db }) => readWatchSettings(db),
  'watches.updateSettings': (input, { db, changes }) => {
    const settings = writeWatchSettings(db, input);
    // Local settings (not a synced table): the scheduler and the windows hear of them as of a change of the watches.
    changes.announce(['board_watches']);
    return settings;
  },
  'opportunities.list': (input, { db }) => listOpportunities(db, input),
  'opportunities.act': (input, { db, changes }) => ({ count: changes.write((write) => actOnOpportunities(db, write, input)) }),
  'opportunities.track': (input, { db, changes }) => {
    const applicationId = changes.write((write) => trackOpportunity(db, write, input.id));
    return { applicationId, opportunity: getOpportunity(db, input.id) };
  },
});
