import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() }, dialog: {}, shell: {} }));

const { buildMenuTemplate } = await import('../../src-main/shell/menu');
const { languageOf, messagesFor } = await import('../../src-main/shell/messages');
const { startupProblemOf } = await import('../../src-main/shell/startup-error');

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function click(item: MenuItemConstructorOptions | undefined) {
  (item?.click as () => void)();
}

describe('menu', () => {
  const send = vi.fn();
  const openDataFolder = vi.fn();
  const messages = messagesFor('en-US');
  const template = buildMenuTemplate(messages, { send, openDataFolder }, { isMac: false, devTools: false });
  const all = items(template);
  const byLabel = (label: string) => all.find((item) => item.label === label);

  it('has File, Edit, View, Window and Help menus', () => {
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(template[1].role).toBe('editMenu');
  });

  it('sends menu actions to the renderer', () => {
    const expected: Array<[string, string]> = [
      [messages.menu.newApplication, 'new-application'],
      [messages.menu.import, 'import'],
      [messages.menu.exportExcel, 'export-excel'],
      [messages.menu.exportCsv, 'export-csv'],
      [messages.menu.exportJson, 'export-json'],
      [messages.menu.exportCalendar, 'export-calendar'],
      [messages.menu.exportPdf, 'export-pdf'],
      [messages.menu.proofOfSearch, 'proof-of-search'],
      [messages.menu.backupNow, 'backup-now'],
      [messages.menu.restore, 'restore'],
    ];
    for (const [label, action] of expected) {
      send.mockClear();
      click(byLabel(label));
      expect(send).toHaveBeenCalledWith(action);
    }
    click(byLabel(messages.menu.openDataFolder));
    expect(openDataFolder).toHaveBeenCalled();
    expect(byLabel(messages.menu.quit)?.role).toBe('quit');
  });

  it('hides developer tools in a packaged app', () => {
    expect(all.some((item) => item.role === 'toggleDevTools')).toBe(false);
    const dev = items(buildMenuTemplate(messages, { send, openDataFolder }, { isMac: false, devTools: true }));
    expect(dev.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });
});

describe('messages', () => {
  it('speaks French to French locales and English to the others', () => {
    expect(languageOf('fr')).toBe('fr');
    expect(languageOf('fr-CA')).toBe('fr');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('de')).toBe('en');
    expect(messagesFor('fr-FR').startup.title).toBe('Candid ne peut pas démarrer');
    expect(messagesFor('en-US').startup.title).toBe('Candid cannot start');
  });

  it('explains each startup error code', () => {
    expect(startupProblemOf({ code: 'DATABASE_TOO_NEW' })).toBe('DATABASE_TOO_NEW');
    expect(startupProblemOf({ code: 'NOT_A_DATABASE' })).toBe('NOT_A_DATABASE');
    expect(startupProblemOf({ code: 'DATABASE_CORRUPT' })).toBe('DATABASE_CORRUPT');
    expect(startupProblemOf(new Error('boom'))).toBe('UNEXPECTED');
    for (const locale of ['en', 'fr']) {
      const problems = messagesFor(locale).startup.problems;
      for (const text of Object.values(problems)) expect(text.length).toBeGreaterThan(10);
    }
  });
});
