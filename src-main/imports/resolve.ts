import {
  builtInSources,
  type ImportValueMaps,
  type StageCategory,
  type ValueMappedField,
} from '../../src-shared/contract';
import type { Database } from '../db/connection';
import { firstStageOf } from '../stages/lookup';
import { matchKey } from './keys';
import { employmentTypeSynonyms, scheduleSynonyms, sourceSynonyms, stageSynonyms, ValueMatcher, workModeSynonyms } from './values';

export interface Resolution {
  target: string | null | undefined;
  /** False for a value nothing matched (an unknown stage, or a custom source kept as typed). */
  recognised: boolean;
}

/**
 * Turns a value of the file into what it maps to: the user's choice in the value maps, else what Candid
 * recognises. `null` means empty (the default stage, no type …); `undefined` means unknown: the wizard must ask.
 */
export class ValueResolver {
  private readonly liveStages: Map<string, StageCategory>;
  private readonly stagesByName = new Map<string, string>();
  private readonly matchers = {
    stage: new ValueMatcher(stageSynonyms),
    employmentType: new ValueMatcher(employmentTypeSynonyms),
    workMode: new ValueMatcher(workModeSynonyms),
    schedule: new ValueMatcher(scheduleSynonyms),
    source: new ValueMatcher(sourceSynonyms, builtInSources.map((source) => [matchKey(source), source] as [string, string])),
  };
  private readonly firstStageByCategory = new Map<StageCategory, string | null>();
  private readonly cache = new Map<string, Resolution>();

  constructor(
    private readonly db: Database,
    private readonly maps: ImportValueMaps,
  ) {
    const stages = db.sql(`SELECT id, name, category FROM stages WHERE deleted_at IS NULL`).all() as { id: string; name: string | null; category: StageCategory }[];
    this.liveStages = new Map(stages.map((stage) => [stage.id, stage.category]));
    // The user's own stage names ("Relancé", "Entretien RH") are matched before the built-in vocabulary.
    for (const stage of stages) if (stage.name) this.stagesByName.set(matchKey(stage.name), stage.id);
  }

  categoryOf(stageId: string): StageCategory | undefined {
    return this.liveStages.get(stageId);
  }

  stageOfCategory(category: StageCategory): string | null {
    if (!this.firstStageByCategory.has(category)) this.firstStageByCategory.set(category, firstStageOf(this.db, category)?.id ?? null);
    return this.firstStageByCategory.get(category)!;
  }

  resolve(field: ValueMappedField, key: string, raw: string): Resolution {
    // Files repeat the same few values thousands of times.
    const cacheKey = `${field}\u0000${key}`;
    let resolution = this.cache.get(cacheKey);
    if (!resolution) this.cache.set(cacheKey, (resolution = this.resolveUncached(field, key, raw)));
    return resolution;
  }

  private resolveUncached(field: ValueMappedField, key: string, raw: string): Resolution {
    if (key === '') return { target: null, recognised: true };
    const chosen = (this.maps[field] as Record<string, string | null> | undefined)?.[key];
    if (chosen !== undefined) {
      // A stage chosen in the wizard may have been deleted since: then the value is unknown again.
      if (field === 'stage' && chosen !== null && !this.liveStages.has(chosen)) return { target: undefined, recognised: false };
      return { target: chosen, recognised: true };
    }
    if (field === 'stage') {
      const byName = this.stagesByName.get(key);
      if (byName) return { target: byName, recognised: true };
      const category = this.matchers.stage.match(key);
      return category ? { target: this.stageOfCategory(category) ?? undefined, recognised: true } : { target: undefined, recognised: false };
    }
    const matched = this.matchers[field].match(key);
    if (matched !== undefined) return { target: matched, recognised: true };
    // Sources are open-ended: an unknown one is kept as the user typed it.
    if (field === 'source') return { target: raw.trim(), recognised: false };
    return { target: undefined, recognised: false };
  }
}
