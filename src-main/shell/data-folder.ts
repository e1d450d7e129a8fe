import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import { isInside } from '../shared/inside';
import { pathIssue } from './path-issue';


/**
 * The real path of an existing file or folder inside the data folder, for actions that hand a path to the system
 * (shell.showItemInFolder). Links are resolved before the check, so a link placed in the data folder cannot point
 * the file manager elsewhere. A path outside is refused before anything is looked up there.
 */
export function existingPathInsideDataFolder(dataDir: string, given: string): string {
  if (!path.isAbsolute(given)) throw pathIssue('path_not_absolute', 'must be an absolute path', { path: given });
  const root = path.resolve(dataDir);
  const outside = () => pathIssue('outside_data_folder', 'must be inside the data folder', { path: given, folder: root });
  if (!isInside(root, path.resolve(given))) throw outside();
  let real: string;
  try {
    real = fs.realpathSync(given);
  } catch {
    throw new AppError('NOT_FOUND', `${given} does not exist`, { details: { reason: 'file_missing', path: given } });
  }
  if (!isInside(fs.realpathSync(root), real)) throw outside();
  return real;
}
