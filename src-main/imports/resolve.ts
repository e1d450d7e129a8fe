import {
  builtInSources,
  type ImportValueMaps,
  type StageCategory,
  type ValueMappedField,
} from '../../src-shared/contract';
import type { Database } from '../db/connection';
import { firstStageOf } from '../stages/lookup';
import { matchKey, valueKey } from './keys';
import { employmentTypeSynonyms, scheduleSynonyms, sourceSynonyms, stageSynonyms, ValueMatcher, workModeSynonyms } from './values';

export interface Resolution {
  target: string | null | undefined;
  /** False for a value nothing matched (an unknown stage, or a custom source kept as typed). */
  recognised: boolean;
}

/**
 * Fields whose words are often written in one another's column: "Contract" in a full/part-time column is a
 * contract, "Full time" in a contract column a schedule.
 */
const neighbours: Partial<Record<ValueMappedField, ValueMappedField>> = { schedule: 'employmentType', employmentType: 'schedule' };

/**
 * Turns a value of the file into what it maps to: the user's choice in the value maps, else what Candid
 * recognises. `null` means empty (the default stage, no type …); `undefined` means unknown: the wizard asks.
 */
export class ValueResolver {
  private readonly liveStages: Map<string, StageCategory>;
  private readonly stagesByName = new Map<string, string>();
  private readonly matchers = {
    stage: new ValueMatcher(stageSynonyms),
    employmentType: new ValueMatcher(employmentTypeSynonyms),
    workMode: new ValueMatcher(workModeSynonyms),
    schedule: new ValueMatcher(scheduleSynonyms),
    source: new ValueMatcher(sourceSynonyms, builtInSources.map((source) => [valueKey(source), source] as [string, string]), true),
  };
  private readonly firstStageByCategory = new Map<StageCategory, string | null>();
  /** By field, then key: a key of its own per value (field and key joined) cost a string made and hashed per cell. */
  private readonly cache = new Map<ValueMappedField, Map<string, Resolution>>();

  constructor(
    private readonly db: Database,
    private readonly maps: ImportValueMaps,
  ) {
    const stages = db.sql(`SELECT id, name, category FROM stages WHERE deleted_at IS NULL ORDER BY position`).all() as {
      id: string;
      name: string | null;
      category: StageCategory;
    }[];
    this.liveStages = new Map(stages.map((stage) => [stage.id, stage.category]));
    // The user's own stage names ("Relancé", "Entretien RH") are matched before the built-in vocabulary.
    for (const stage of stages) if (stage.name && !this.stagesByName.has(valueKey(stage.name))) this.stagesByName.set(valueKey(stage.name), stage.id);
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
    let cached = this.cache.get(field);
    if (!cached) this.cache.set(field, (cached = new Map()));
    let resolution = cached.get(key);
    if (!resolution) cached.set(key, (resolution = this.resolveUncached(field, key, raw)));
    return resolution;
  }

  /** Whether Candid knows what the value means (for describing a column). */
  recognises(field: ValueMappedField, key: string): boolean {
    if (key === '') return false;
    if (field === 'stage') return this.stagesByName.has(key) || this.matchers.stage.match(key) !== undefined;
    return this.matchers[field].match(key) !== undefined;
  }

  /**
   * A value the column's own field does not know but a neighbouring field does ("Contract" in a schedule column):
   * that field and its value, when the user has not decided otherwise.
   */
  neighbour(field: ValueMappedField, key: string): { field: ValueMappedField; target: string } | null {
    const other = neighbours[field];
    if (!other || key === '' || (this.maps[field] as Record<string, unknown> | undefined)?.[key] !== undefined) return null;
    const target = this.matchers[other].match(key);
    return target === undefined ? null : { field: other, target };
  }

  /**
   * The stage a column's header names ("Phone screen", "Entretien", "Offer"): the user's own stage of that name,
   * else the first stage of the category its words mean. Exact names first, then names inside the header.
   */
  stageOfHeader(header: string): { id: string; category: StageCategory } | null {
    const key = valueKey(matchKey(header));
    const byName = this.stagesByName.get(key);
    if (byName) return { id: byName, category: this.liveStages.get(byName)! };
    const category = this.matchers.stage.matchExact(key) ?? this.matchers.stage.match(key);
    if (!category) return null;
    const id = this.stageOfCategory(category);
    return id ? { id, category } : null;
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
    // A neighbour's word is not this field's: empty here, and set on the neighbour.
    if (this.neighbour(field, key)) return { target: null, recognised: true };
    return { target: undefined, recognised: false };
  }
}
