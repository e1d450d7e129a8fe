import type { Kysely } from 'kysely';
import type { Database } from '../src-main/db/connection';
import * as init from './0010_init';
import * as statisticsIndexes from './0020_statistics_indexes';
import * as documents from './0030_documents';
import * as benchIndexes from './0040_bench_indexes';
import * as liveStageIndex from './0050_live_stage_index';
import * as statisticsCells from './0060_statistics_cells';
import * as sync from './0110_sync';
import * as changeLogLocal from './0115_change_log_local';
import * as automation from './0120_automation';
import * as externalFields from './0150_external_fields';
import * as companyCreatedWith from './0160_company_created_with';
import * as contactInteractions from './0170_contact_interactions';
import * as customFields from './0175_custom_fields';
import * as stageEventDates from './0180_stage_event_dates';
import * as capturedPosting from './0190_captured_posting';
import * as boardWatches from './0195_board_watches';
import * as jobFairs from './0200_job_fairs';
import * as screeningAnswers from './0205_screening_answers';
import * as offerComparisons from './0210_offer_comparisons';
import * as pairedBrowsers from './0230_paired_browsers';
import * as liveSeqIndex from './0240_live_seq_index';
import * as liveStageOrderIndex from './0245_live_stage_order_index';
import * as cellsScopesTogether from './0250_cells_scopes_together';
import * as ftsShortPrefixes from './0255_fts_short_prefixes';
import * as statisticsSkillMonths from './0260_statistics_skill_months';
import * as createPathWrites from './0265_create_path_writes';
import * as statisticsMonthCells from './0270_statistics_month_cells';
import * as textIndexMergesWhenIdle from './0280_text_index_merges_when_idle';
import * as stageSinceArchivedLast from './0290_stage_since_archived_last';
import * as deletedApplicationsIndex from './0295_deleted_applications_index';
import * as statisticsIndexWithoutArchived from './0300_statistics_index_without_archived';
import * as monthCellsBothFlags from './0305_month_cells_both_flags';
import * as textIndexWithoutCopy from './0310_text_index_without_copy';

export interface Migration {
  /** Stored in PRAGMA user_version once applied; steps of 10 leave room. */
  version: number;
  name: string;
  // A migration must not depend on today's schema type, which describes the end state, not its own.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>): Promise<void>;
  /** Derived data computed by the app's own code on its connection, after `up` and in the same transaction. */
  fill?(db: Database): void;
}

/** Listed statically: bundlers cannot follow a folder scan. Keep in ascending order. */
export const migrations: readonly Migration[] = [
  { version: 10, name: '0010_init', up: init.up },
  { version: 20, name: '0020_statistics_indexes', up: statisticsIndexes.up },
  { version: 30, name: '0030_documents', up: documents.up },
  { version: 40, name: '0040_bench_indexes', up: benchIndexes.up },
  { version: 50, name: '0050_live_stage_index', up: liveStageIndex.up },
  { version: 60, name: '0060_statistics_cells', up: statisticsCells.up, fill: statisticsCells.fill },
  { version: 110, name: '0110_sync', up: sync.up },
  { version: 115, name: '0115_change_log_local', up: changeLogLocal.up },
  { version: 120, name: '0120_automation', up: automation.up },
  { version: 150, name: '0150_external_fields', up: externalFields.up },
  { version: 160, name: '0160_company_created_with', up: companyCreatedWith.up },
  { version: 170, name: '0170_contact_interactions', up: contactInteractions.up },
  { version: 175, name: '0175_custom_fields', up: customFields.up },
  { version: 180, name: '0180_stage_event_dates', up: stageEventDates.up },
  { version: 190, name: '0190_captured_posting', up: capturedPosting.up },
  { version: 195, name: '0195_board_watches', up: boardWatches.up },
  { version: 200, name: '0200_job_fairs', up: jobFairs.up },
  { version: 205, name: '0205_screening_answers', up: screeningAnswers.up },
  { version: 210, name: '0210_offer_comparisons', up: offerComparisons.up },
  { version: 230, name: '0230_paired_browsers', up: pairedBrowsers.up },
  { version: 240, name: '0240_live_seq_index', up: liveSeqIndex.up },
  { version: 245, name: '0245_live_stage_order_index', up: liveStageOrderIndex.up },
  { version: 250, name: '0250_cells_scopes_together', up: cellsScopesTogether.up },
  { version: 255, name: '0255_fts_short_prefixes', up: ftsShortPrefixes.up },
  { version: 260, name: '0260_statistics_skill_months', up: statisticsSkillMonths.up, fill: statisticsSkillMonths.fill },
  { version: 265, name: '0265_create_path_writes', up: createPathWrites.up },
  { version: 270, name: '0270_statistics_month_cells', up: statisticsMonthCells.up, fill: statisticsMonthCells.fill },
  { version: 280, name: '0280_text_index_merges_when_idle', up: textIndexMergesWhenIdle.up },
  { version: 290, name: '0290_stage_since_archived_last', up: stageSinceArchivedLast.up },
  { version: 295, name: '0295_deleted_applications_index', up: deletedApplicationsIndex.up },
  { version: 300, name: '0300_statistics_index_without_archived', up: statisticsIndexWithoutArchived.up },
  { version: 305, name: '0305_month_cells_both_flags', up: monthCellsBothFlags.up },
  { version: 310, name: '0310_text_index_without_copy', up: textIndexWithoutCopy.up },
];

export const latestSchemaVersion = migrations[migrations.length - 1].version;
