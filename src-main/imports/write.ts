import { responseStageCategories, type StageCategory } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { nameKey } from '../../src-shared/text';
import { instantOfDate } from '../applications/mutations';
import { applicationColumns } from '../applications/rows';
import type { WriteContext } from '../changes/writer';
import { findCompanyByName, insertCompany } from '../companies/resolve';
import type { Database } from '../db/connection';
import type { StagesTable } from '../db/schema';
import { firstStageOf, liveStage } from '../stages/lookup';
import { ensureTag } from '../tags/assign';
import type { ConvertedRow, CreateInput } from './convert';

/** One millisecond later: an event that must sort after another on the same day. */
function justAfter(instant: string): string {
  return new Date(new Date(instant).getTime() + 1).toISOString();
}

/** Absent fields are the columns' defaults already: writing nulls would only grow the change log. */
function withoutNulls(input: CreateInput): CreateInput {
  const result: Record<string, unknown> = {};
  for (const key in input) {
    const value = input[key as keyof CreateInput];
    if (value !== null && value !== undefined) result[key] = value;
  }
  return result as CreateInput;
}

/**
 * Writes converted rows as applications, inside one write: the rows `createApplication` and `changeStage` write
 * (the application, its first stage event, the move to the file's stage, its tags), through the same write path,
 * with what those look up for every row (the company by name, the stages, the tags, the application's previous
 * event) resolved once per file instead: at 100,000 rows the lookups cost more than the writes. The current stage
 * is written with the row (the latest event's), so that the commit-time recompute has nothing left to change.
 */
export class ImportWriter {
  /** Company and tag ids by name as written in the file, and by name key (one company for "ACME" and "Acme"). */
  private readonly companyByName = new Map<string, string>();
  private readonly companyByKey = new Map<string, string>();
  private readonly tagByName = new Map<string, string>();
  private readonly tagByKey = new Map<string, string>();
  private readonly stages = new Map<string, StagesTable>();
  private firstStage: StagesTable | undefined;
  /** How many stage events were written. */
  events = 0;

  constructor(
    private readonly db: Database,
    private readonly write: WriteContext,
  ) {}

  /**
   * One application and its history: it starts in its first stage on the applied date (else the response date,
   * else now); when the file says it went further, an event at the response date moves it there (on the applied
   * date when the file has no response date; always after the first event).
   */
  writeRow(row: ConvertedRow): void {
    const input = withoutNulls(row.input!);
    const responseAt = row.responseOn ? instantOfDate(row.responseOn) : null;
    const startAt = input.appliedOn ? instantOfDate(input.appliedOn) : (responseAt ?? this.write.now);
    const history = [{ stage: input.stageId ? this.stage(input.stageId) : this.defaultStage(), at: startAt }];
    if (row.stageId !== null) history.push({ stage: this.stage(row.stageId), at: responseAt && responseAt > startAt ? responseAt : justAfter(startAt) });
    const current = history[history.length - 1];

    const fields = applicationColumns(input);
    // The first day the history reaches a stage that means an answer, as createApplication and changeStage set it.
    const answered = history.find((event) => responseStageCategories.includes(event.stage.category as StageCategory));
    if (fields.first_response_on === undefined && answered) fields.first_response_on = answered.at.slice(0, 10);
    fields.company_id = this.company(input.companyName!);
    fields.stage_id = current.stage.id;
    fields.stage_category = current.stage.category;
    fields.stage_changed_at = current.at;
    const applicationId = this.write.insert('applications', fields);

    // One chain: each event leaves the stage the previous one entered.
    let from: string | null = null;
    for (const event of history) {
      this.write.insert('stage_events', { application_id: applicationId, from_stage_id: from, to_stage_id: event.stage.id, occurred_at: event.at, note: null });
      from = event.stage.id;
    }
    this.events += history.length;
    this.tags(applicationId, input.tags ?? []);
  }

  /** The live company of this name, created with the first spelling met when there is none. */
  private company(name: string): string {
    return this.resolved(this.companyByName, this.companyByKey, name, () => findCompanyByName(this.db, name)?.id ?? insertCompany(this.db, this.write, { name }));
  }

  /** The id of a name, remembered by name as written and by name key (computing the key is not free either). */
  private resolved(byName: Map<string, string>, byKey: Map<string, string>, name: string, find: () => string): string {
    let id = byName.get(name);
    if (id === undefined) {
      const key = nameKey(name);
      id = byKey.get(key);
      if (id === undefined) byKey.set(key, (id = find()));
      byName.set(name, id);
    }
    return id;
  }

  /** Where an application without a stage starts: the first "applied" stage. */
  private defaultStage(): StagesTable {
    this.firstStage ??= firstStageOf(this.db, 'applied');
    if (!this.firstStage) throw new AppError('CONFLICT', 'There is no stage to put the application in');
    return this.firstStage;
  }

  private stage(id: string): StagesTable {
    let stage = this.stages.get(id);
    if (!stage) this.stages.set(id, (stage = liveStage(this.db, id)));
    return stage;
  }

  /** Tags are told apart by name key (case and accents ignored): two spellings of one tag link it once. */
  private tags(applicationId: string, names: readonly string[]): void {
    const linked = new Set<string>();
    for (const name of names) {
      const tagId = this.resolved(this.tagByName, this.tagByKey, name, () => ensureTag(this.db, this.write, name));
      if (linked.has(tagId)) continue;
      linked.add(tagId);
      this.write.insert('application_tags', { application_id: applicationId, tag_id: tagId });
    }
  }
}
