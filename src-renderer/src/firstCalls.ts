// The window's first calls, sent by a module of their own that the page runs before the bundle: the bundle's modules
// take about 70 to 150 ms to evaluate (under load) before main.tsx could ask for anything, and the board's columns
// then waited for their answers after the shell's first render. This module imports neither React nor zod (a few
// kilobytes); main.tsx takes the answers (api/earlyCalls.ts). On the board, its columns' first cards; on the table,
// its first page. Built as an entry of its own and placed before the bundle's script in index.html
// (vite.renderer.config.ts).
import { sendEarly } from './api/earlyCalls';
import { loadView } from './features/applications/filters/savedView';
import { pageInput, tableBase } from './features/applications/table/firstPage';
import { firstPageInputs, rememberedStagesKey } from './features/board/columnPages';
import type { Stage } from '../../src-shared/contract';

sendEarly('stages.list');
sendEarly('profile.get');
const route = window.location.hash.split('?')[0];
if (route === '#/board') {
  for (const input of firstPageInputs(storedStages(), loadView())) sendEarly('applications.list', input);
}
if (route === '#/applications') sendEarly('applications.list', pageInput(tableBase(loadView()), 0));

/**
 * The remembered stages' ids and categories, read without zod: only the calls' inputs are made of them, and the
 * bundle takes an answer only for the inputs it computes from the stages it parsed itself (rememberedStages.ts).
 */
function storedStages(): Pick<Stage, 'id' | 'category'>[] {
  try {
    const stored = JSON.parse(localStorage.getItem(rememberedStagesKey) ?? 'null') as unknown;
    if (!Array.isArray(stored)) return [];
    return stored.filter(
      (stage): stage is Pick<Stage, 'id' | 'category'> =>
        typeof stage === 'object' && stage !== null && typeof (stage as Stage).id === 'string' && typeof (stage as Stage).category === 'string',
    );
  } catch {
    return [];
  }
}
