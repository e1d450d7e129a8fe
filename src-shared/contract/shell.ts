import { z } from 'zod';
import { id } from './common';
import type { PickedFile } from './file-paths';

/**
 * Desktop-only actions that are not data: they exist only in the Electron shell (over IPC), never in the handler
 * table nor over HTTP. The renderer calls them through `window.candid.invoke('shell.…', input)` like any channel.
 */

/** The only schemes handed to the operating system: a web page or a new e-mail. Never file:, smb:, javascript:… */
export const externalUrlProtocols = ['http:', 'https:', 'mailto:'] as const;

export function isAllowedExternalUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 4096) return false;
  try {
    return (externalUrlProtocols as readonly string[]).includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const externalUrl = z
  .string()
  .trim()
  .max(4096)
  .refine(isAllowedExternalUrl, 'must be an http:, https: or mailto: URL')
  // What the OS receives is the parsed, re-serialised URL, not the raw string.
  .transform((value) => new URL(value).href);

const fileFilter = z
  .object({
    name: z.string().trim().min(1).max(100),
    extensions: z
      .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'must be an extension without a dot, or *'))
      .min(1)
      .max(20),
  })
  .strict();

const dialogBase = {
  title: z.string().trim().max(200).optional(),
  filters: z.array(fileFilter).max(10).optional(),
};

const none = z.undefined().or(z.object({}).strict()).optional();

/** A file: a handle from a dialog, or a path of the data folder (see file-paths.ts); main checks it. */
const filePath = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(4096)
  .refine((value) => !value.includes('\0'), 'must not contain a NUL character');

/** The hash route of the printable report (src-renderer/src/App.tsx uses a HashRouter). */
export const reportRoute = '/report';

/**
 * How the report page tells `shell.printReportToPdf` that it has rendered its data: it sets
 * `document.body.dataset.reportReady` to 'true', or to 'error' when its data could not be loaded.
 */
export const reportReadyKey = 'reportReady';
export const reportReadyStates = { ready: 'true', failed: 'error' } as const;

/**
 * The report route's query string (`a=1&b=2`, a leading `?` allowed), re-serialised so that nothing can leave the
 * query (no `#`, no path). `print` is dropped: it makes the page print itself, which inside the hidden window
 * that renders the PDF would ask for another PDF.
 */
const reportQuery = z
  .string()
  .trim()
  .max(4000)
  .transform((value) => {
    const params = new URLSearchParams(value.startsWith('?') ? value.slice(1) : value);
    params.delete('print');
    return params.toString();
  });

export const shellChannelInputs = {
  'shell.openExternal': z.object({ url: externalUrl }).strict(),
  'shell.openDataFolder': none,
  'shell.showSaveDialog': z
    .object({
      ...dialogBase,
      /** A file name only; the dialog starts in the user's documents folder. */
      defaultName: z
        .string()
        .trim()
        .max(255)
        .refine((value) => !/[\\/]/.test(value) && value !== '..' && value !== '.', 'must be a file name, not a path')
        .optional(),
    })
    .strict(),
  'shell.showOpenDialog': z
    .object({
      ...dialogBase,
      multiple: z.boolean().optional(),
    })
    .strict(),
  /** Opens an attached document with the system's viewer (a copy under its own name, inside the data folder). */
  'shell.openDocument': z.object({ id }).strict(),
  /** Shows a file of the data folder (a backup, say) in the system's file manager; refused for any other path. */
  'shell.showItemInFolder': z.object({ path: filePath }).strict(),
  /** Renders the report page to an A4 PDF at `path` (the handle a save dialog gave). */
  'shell.printReportToPdf': z
    .object({
      /** An absolute path ending in .pdf, in an existing folder (main checks it; the save dialog gives one). */
      path: filePath,
      query: reportQuery.optional(),
    })
    .strict(),
} as const;

export type ShellChannel = keyof typeof shellChannelInputs;
export const shellChannels = Object.keys(shellChannelInputs) as ShellChannel[];

export interface ShellChannelOutputs {
  'shell.openExternal': { opened: boolean };
  'shell.openDataFolder': { path: string };
  /** The file the user chose to write, as a handle to pass as an export's `path`; `null` when cancelled. */
  'shell.showSaveDialog': { file: PickedFile | null };
  /** The files the user chose to read, as handles to pass as a `path`; empty when cancelled. */
  'shell.showOpenDialog': { files: PickedFile[] };
  /** The copy that was opened. */
  'shell.openDocument': { path: string };
  'shell.showItemInFolder': { path: string };
  'shell.printReportToPdf': { path: string; bytes: number };
}

export type ShellChannelInput<C extends ShellChannel> = z.input<(typeof shellChannelInputs)[C]>;
export type ShellParsedInput<C extends ShellChannel> = z.output<(typeof shellChannelInputs)[C]>;
export type ShellChannelOutput<C extends ShellChannel> = ShellChannelOutputs[C];

export function isShellChannel(value: unknown): value is ShellChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(shellChannelInputs, value);
}
