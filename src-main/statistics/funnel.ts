import {
  closedStageCategories,
  funnelCategories,
  stageCategories,
  type Flow,
  type FunnelStep,
  type StageCategory,
  type StatisticsFunnel,
} from '../../src-shared/contract';
import type { CubeRow } from './aggregates';
import { categoryBit, levels, pipeline, reachedOrLaterBits } from './categories';
import { rate } from './numbers';

/**
 * The path of one application through the Sankey: the funnel categories its history reached, in funnel order,
 * then its outcome when it is closed (rejected, withdrawn, ghosted). Ordering by the funnel rather than by time
 * keeps the graph acyclic when an application went back a step, and an application rejected after interviews
 * still flows through "interviewing" on its way to "rejected".
 */
export function pathOf(reached: number, category: StageCategory): StageCategory[] {
  const path = pipeline.filter((step) => reached & categoryBit[step]);
  if (closedStageCategories.includes(category)) path.push(category);
  return path;
}

export function buildFunnel(cube: readonly CubeRow[]): StatisticsFunnel {
  const sentRows = cube.filter((row) => row.level >= levels.sent);
  const sent = sentRows.reduce((sum, row) => sum + row.count, 0);
  const steps: FunnelStep[] = [];
  for (const category of funnelCategories) {
    const bits = reachedOrLaterBits(category);
    const count = category === 'applied' ? sent : sentRows.filter((row) => row.reached & bits).reduce((sum, row) => sum + row.count, 0);
    const previous = steps.length > 0 ? steps[steps.length - 1].count : sent;
    steps.push({ category, count, fromPrevious: rate(count, previous), fromSent: rate(count, sent) });
  }

  const reached = Object.fromEntries(stageCategories.map((category) => [category, 0])) as Record<StageCategory, number>;
  const flows = new Map<string, Flow>();
  for (const row of cube) {
    for (const category of stageCategories) if (row.reached & categoryBit[category]) reached[category] += row.count;
    const path = pathOf(row.reached, row.category);
    for (let index = 1; index < path.length; index += 1) {
      const key = `${path[index - 1]}>${path[index]}`;
      const flow = flows.get(key) ?? { from: path[index - 1], to: path[index], count: 0 };
      flow.count += row.count;
      flows.set(key, flow);
    }
  }
  const order = (category: StageCategory) => stageCategories.indexOf(category);
  return {
    steps,
    reached,
    flows: [...flows.values()].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to)),
  };
}
