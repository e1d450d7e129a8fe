import type { KeyboardEvent as ReactKeyboardEvent, MouseEvent as ReactMouseEvent } from 'react';

/** True when keys typed now belong to a text field (shortcuts must then stay out of the way). */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || !element.tagName) return false;
  if (element.isContentEditable) return true;
  if (element.tagName === 'TEXTAREA' || element.tagName === 'SELECT') return true;
  if (element.tagName !== 'INPUT') return false;
  const type = (element as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
}

/** Ctrl on Windows/Linux, ⌘ on macOS. */
export function isModKey(event: KeyboardEvent | ReactKeyboardEvent | MouseEvent | ReactMouseEvent): boolean {
  return event.ctrlKey || event.metaKey;
}

/** True while a modal dialog is open: global single-key shortcuts wait until it closes. */
export function isModalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}
