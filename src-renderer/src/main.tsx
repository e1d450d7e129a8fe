// The shared styles first, so each feature's stylesheet (imported by its components) can refine them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/components.css';
import './styles/layout.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient, prefetchChannel } from './api/hooks';
import { App } from './App';
import { prefetchBoardColumns } from './features/board/prefetchBoard';
import { initI18n } from './i18n';
import { applyTheme, rememberedTheme, startLanguage } from './shell/appearance';

// Theme and language first, from what the profile said last time, so the first paint is already right.
applyTheme(rememberedTheme());
initI18n(startLanguage());

// What every first screen needs, asked before React draws anything: the stages first (the board's columns wait
// for them), then the profile (theme, language, header), then, on the board, its columns' first cards.
const queryClient = createQueryClient();
prefetchChannel(queryClient, 'stages.list');
prefetchChannel(queryClient, 'profile.get');
prefetchBoardColumns(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
