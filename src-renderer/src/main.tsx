// The shared styles first, so each feature's stylesheet (imported by its components) can refine them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/components.css';
import './styles/layout.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { closeEarly } from './api/earlyCalls';
import { createQueryClient, prefetchChannel } from './api/hooks';
import { App } from './App';
import { prefetchBoardColumns } from './features/board/prefetchBoard';
import { prefetchTableFirstPage } from './features/applications/table/prefetchTable';
import { initI18n } from './i18n';
import { applyTheme, rememberedTheme, startLanguage } from './shell/appearance';

// Theme and language first, from what the profile said last time, so the first paint is already right.
applyTheme(rememberedTheme());
initI18n(startLanguage());

// What every first screen needs, asked before React draws anything: the stages first (the board's columns wait
// for them), then the profile (theme, language, header), then, on the board, its columns' first cards, on the
// table, its first page. The window's first calls (firstCalls.ts) sent them already, before this bundle was
// evaluated: these reads take their answers.
const queryClient = createQueryClient();
void prefetchChannel(queryClient, 'stages.list');
void prefetchChannel(queryClient, 'profile.get');
const firstData = [...prefetchBoardColumns(queryClient), ...prefetchTableFirstPage(queryClient)];
closeEarly();

function render(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
}

/**
 * On the board, the first render waits a moment for the columns' first pages (asked for before this bundle was
 * evaluated, so most often answered by now), so that it draws the shell and the first cards together: drawn without
 * them, the shell's layout, paint and effects came first, and the cards 60 to 130 ms after it, in a render of
 * their own. The same on the table for its first page. Never longer than this, so a busy server only delays the
 * shell by as much.
 */
const firstCardsWaitMs = 60;
if (firstData.length === 0) render();
else void Promise.race([Promise.all(firstData), new Promise((resolve) => setTimeout(resolve, firstCardsWaitMs))]).then(render);
