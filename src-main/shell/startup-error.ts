import { dialog, shell } from 'electron';
import { messagesFor, type StartupProblem } from './messages';

const known: readonly StartupProblem[] = ['DATABASE_TOO_NEW', 'NOT_A_DATABASE', 'DATABASE_CORRUPT', 'READ_ONLY', 'DISK_FULL', 'NATIVE_MISSING'];

/** Which explanation fits an error thrown while opening the app context. */
export function startupProblemOf(error: unknown): StartupProblem {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (known as readonly string[]).includes(code) ? (code as StartupProblem) : 'UNEXPECTED';
}

/** The error that stops startup, in a native dialog in the user's language; offers to open the data folder. */
export async function showStartupError(error: unknown, options: { locale: string; dataDir: string }): Promise<void> {
  const m = messagesFor(options.locale).startup;
  const problem = startupProblemOf(error);
  const technical = problem === 'UNEXPECTED' && error instanceof Error ? `\n\n${error.message}` : '';
  const choice = dialog.showMessageBoxSync({
    type: 'error',
    title: m.title,
    message: m.problems[problem],
    detail: `${m.dataFolder} ${options.dataDir}${technical}`,
    buttons: [m.quit, m.openDataFolder],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  if (choice === 1) await shell.openPath(options.dataDir);
}
