import type { FileSource } from '../../../../../src-shared/contract';
import { invokeShell } from '../../../api/client';
import { fileBodyLimit } from '../../../../../src-shared/http-limits';

/**
 * Getting a file the user picked to main. In the desktop app a native dialog gives a handle for it (main reads the
 * file itself); in a browser the file's content travels base64 in the JSON body of the request.
 */

/** Room for the rest of the JSON body (file name, choices). */
const bodyOverhead = 256 * 1024;

/** The largest file that can be sent from this shell, within `limit` (the domain's own limit); base64 is 4/3 bigger. */
export function uploadLimit(limit: number): number {
  if (window.candid) return limit;
  return Math.min(limit, Math.floor(((fileBodyLimit - bodyOverhead) * 3) / 4));
}

export function isDesktop(): boolean {
  return window.candid !== undefined;
}

/** The file's content, base64 (FileReader does the encoding natively, without building a giant string twice). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

export async function uploadedSource(file: File): Promise<FileSource> {
  return { content: await readAsBase64(file), fileName: file.name };
}

/**
 * The desktop app's native open dialog: the chosen file as a source whose `path` is the handle the dialog gave (main
 * turns it back into the file), or null when cancelled (or not in the desktop app).
 */
export async function pickWithDialog(options: { title: string; filterName: string; extensions: string[] }): Promise<FileSource | null> {
  const result = await invokeShell('shell.showOpenDialog', {
    title: options.title,
    filters: [{ name: options.filterName, extensions: options.extensions }],
  });
  const file = result?.files[0];
  if (!file) return null;
  return { path: file.handle, fileName: file.name };
}

/** "1.2 MB", "850 kB", "714B", in the user's language. */
export function formatBytes(bytes: number, locale: string): string {
  if (bytes < 1024) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'narrow' }).format(bytes);
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [bytes / 1024, 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

/** Triggers a browser download of base64 content. */
export function downloadBase64(content: string, fileName: string, mimeType: string): void {
  const bytes = Uint8Array.from(atob(content), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
