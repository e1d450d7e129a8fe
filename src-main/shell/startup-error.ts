import { dialog, shell } from 'electron';
import { openWithRecovery, type RecoveryOptions, type RestoredBackup } from '../db/recovery';
import {
  explainStartupProblem,
  formatBackupDate,
  messagesFor,
  startupProblemOfCode,
  type StartupFacts,
  type StartupProblem,
} from './messages';

/** Which explanation fits an error thrown while opening the app context. */
export function startupProblemOf(error: unknown): StartupProblem {
  return startupProblemOfCode((error as { code?: unknown } | null)?.code);
}

export interface StartupDialogOptions {
  locale: string;
  dataDir: string;
  /** What recovery found (src-main/db/recovery.ts); without it the dialog explains the error and offers no restore. */
  facts?: StartupFacts;
}

/**
 * The error that stops startup, in a native dialog in the user's language. Offers to restore the latest intact
 * backup when the file is damaged and one exists, and to open the data folder. Resolves to the user's choice.
 */
export async function showStartupError(error: unknown, options: StartupDialogOptions): Promise<'restore' | 'quit'> {
  const m = messagesFor(options.locale).startup;
  // The error's own code first (NATIVE_MISSING is not an AppError), else what recovery made of it.
  const direct = startupProblemOf(error);
  const facts: StartupFacts = {
    latestGoodBackup: null,
    canRestore: false,
    ...options.facts,
    code: direct !== 'UNEXPECTED' ? direct : (options.facts?.code ?? direct),
  };
  const explanation = explainStartupProblem(facts, options.locale);
  const technical = startupProblemOfCode(facts.code) === 'UNEXPECTED' && error instanceof Error ? `\n\n${error.message}` : '';
  const remedy = explanation.remedy ? `${explanation.remedy}\n\n` : '';
  const buttons = explanation.restoreButton ? [explanation.restoreButton, m.quit, m.openDataFolder] : [m.quit, m.openDataFolder];
  const quitId = buttons.indexOf(m.quit);
  const choice = dialog.showMessageBoxSync({
    type: 'error',
    title: explanation.title,
    message: explanation.problem,
    detail: `${remedy}${m.dataFolder} ${options.dataDir}${technical}`,
    buttons,
    defaultId: 0,
    cancelId: quitId,
    noLink: true,
  });
  if (buttons[choice] === explanation.restoreButton) return 'restore';
  if (buttons[choice] === m.openDataFolder) await shell.openPath(options.dataDir);
  return 'quit';
}

/** Tells the user which backup their data now comes from and where the damaged file was kept. */
export function showRestored(restored: RestoredBackup, locale: string): void {
  const m = messagesFor(locale).startup;
  const date = formatBackupDate(restored.backup.createdAt, locale);
  dialog.showMessageBoxSync({
    type: 'info',
    title: m.restoredTitle,
    message: m.restored(date, restored.movedAside ?? '—'),
    buttons: [m.continue],
    noLink: true,
  });
}

/**
 * Opens the data for the desktop app: when the file is damaged and an intact backup exists, the startup dialog
 * offers to restore it (the damaged file is moved aside, never overwritten) and the data is opened again.
 * Otherwise explains why Candid cannot start. Resolves to null when it cannot start.
 */
export async function openWithStartupDialogs<T>(
  open: () => Promise<T>,
  options: Omit<RecoveryOptions, 'chooseRestore'> & { locale: string },
): Promise<T | null> {
  let declined = false;
  const outcome = await openWithRecovery(open, {
    ...options,
    chooseRestore: async (problem) => {
      declined = (await showStartupError(problem, { ...options, facts: problem })) !== 'restore';
      return !declined;
    },
  });
  if (outcome.ok) {
    if (outcome.restored) showRestored(outcome.restored, options.locale);
    return outcome.context;
  }
  console.error('[candid] cannot open the data folder', options.dataDir, outcome.error);
  if (!declined) await showStartupError(outcome.error, { ...options, facts: outcome.problem });
  return null;
}
