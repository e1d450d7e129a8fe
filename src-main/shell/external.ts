import { shell } from 'electron';
import { isAllowedExternalUrl } from '../../src-shared/contract/shell';

/**
 * Hands a URL to the operating system (the default browser or mail client) only when it parses as http:, https:
 * or mailto:. Anything else (javascript:, file:, smb:, custom handlers…) is refused and reported as false.
 */
export async function openExternalSafely(url: unknown): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  await shell.openExternal(new URL(url as string).href);
  return true;
}
