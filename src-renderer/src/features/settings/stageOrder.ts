import { stageCategories, type Stage, type StageCategory } from '../../../../src-shared/contract';

/** Stages by category, in the funnel's order, each list in its saved order. */
export function groupStages(stages: Stage[]): { category: StageCategory; stages: Stage[] }[] {
  return stageCategories.map((category) => ({
    category,
    stages: stages.filter((stage) => stage.category === category).sort((a, b) => a.position - b.position),
  }));
}

/** The ids of a list with one moved from index `from` to index `to`. */
export function moveId(ids: string[], from: number, to: number): string[] {
  if (from === to || to < 0 || to >= ids.length) return ids;
  const next = [...ids];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}
