import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { Kbd } from '../ui/Kbd';
import { captureScreen, screens } from './navigation';

/** Every keyboard shortcut of the app, grouped; opened with `?`. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation('shell');
  // The list is translated only while the dialog is open (the dialog mounts its content then): drawn closed with
  // every render of the layout, its 35 translations were the largest i18next cost of the board's first load.
  return (
    <Dialog open={open} onClose={onClose} title={t('shortcuts.title')} width="min(720px, calc(100vw - 48px))">
      <ShortcutGroups />
    </Dialog>
  );
}

function ShortcutGroups() {
  const { t } = useTranslation(['shell', 'layout', 'grid', 'capture']);
  const groups: { title: string; items: { keys: string[]; label: string }[] }[] = [
    {
      title: t('shortcuts.general'),
      items: [
        { keys: ['Mod', 'K'], label: t('shortcuts.palette') },
        { keys: ['/'], label: t('shortcuts.search') },
        { keys: ['N'], label: t('shortcuts.newApplication') },
        { keys: ['Mod', 'Z'], label: t('shortcuts.undo') },
        { keys: ['Mod', 'B'], label: t('layout:sidebar.toggle') },
        { keys: ['?'], label: t('shortcuts.help') },
      ],
    },
    {
      title: t('shortcuts.navigation'),
      items: [
        ...screens.map((screen) => ({ keys: ['G', screen.go.toUpperCase()], label: t(`nav.${screen.key}`) })),
        { keys: ['G', captureScreen.go.toUpperCase()], label: t('capture:open') },
      ],
    },
    {
      title: t('shortcuts.table'),
      items: [
        { keys: ['↑', '↓', '←', '→'], label: t('grid:shortcuts.moveCell') },
        { keys: ['Enter', 'F2'], label: t('grid:shortcuts.edit') },
        { keys: ['Esc'], label: t('grid:shortcuts.cancel') },
        { keys: ['Tab'], label: t('grid:shortcuts.saveAndMove') },
        { keys: ['Mod', 'Enter'], label: t('shortcuts.openRow') },
        { keys: ['Shift', '↓'], label: t('shortcuts.extendSelection') },
        { keys: ['Space'], label: t('shortcuts.toggleRow') },
        { keys: ['Mod', 'A'], label: t('shortcuts.selectAll') },
        { keys: ['Delete'], label: t('shortcuts.deleteSelection') },
      ],
    },
    {
      title: t('shortcuts.boardAndForm'),
      items: [
        { keys: ['Space'], label: t('shortcuts.pickUpCard') },
        { keys: ['←', '→'], label: t('shortcuts.moveCard') },
        { keys: ['Mod', 'S'], label: t('shortcuts.save') },
        { keys: ['Esc'], label: t('shortcuts.close') },
      ],
    },
  ];
  return (
    <div className="shortcut-groups">
      {groups.map((group) => (
        <section key={group.title}>
          <h3 className="section-title">{group.title}</h3>
          <dl className="shortcut-list">
            {group.items.map((item) => (
              <Fragment key={item.label}>
                <dt>{item.label}</dt>
                <dd>
                  {item.keys.map((key) => (
                    <Kbd key={key} name={key} />
                  ))}
                </dd>
              </Fragment>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
