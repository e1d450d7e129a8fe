import { useTranslation } from 'react-i18next';

/** Keys whose name differs by language (Échap, Entrée, Maj…); letters, digits and symbols print as they are. */
const namedKeys = { Esc: 'escape', Enter: 'enter', Shift: 'shift', Space: 'space', Delete: 'delete' } as const;

/** A key as printed on the keyboard: `<Kbd name="K" />`. `Mod` shows ⌘ on macOS and Ctrl elsewhere. */
export function Kbd({ name }: { name: string }) {
  const { t } = useTranslation('common');
  const named = namedKeys[name as keyof typeof namedKeys];
  return <kbd className="kbd">{name === 'Mod' ? modKeyLabel() : named ? t(`keys.${named}`) : name}</kbd>;
}

export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

export function modKeyLabel(): string {
  return isMac() ? '⌘' : 'Ctrl';
}
