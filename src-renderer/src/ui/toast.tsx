import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

interface Toast {
  id: number;
  message: string;
  undo?: () => Promise<unknown>;
}

interface ToastApi {
  show(message: string): void;
  /** A toast with an Undo button; Ctrl/Cmd+Z triggers the latest undo while it is shown. */
  showUndo(message: string, undo: () => Promise<unknown>): void;
}

const ToastContext = createContext<ToastApi | null>(null);
const visibleMs = 8000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const push = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-3), { ...toast, id }]);
      setTimeout(() => dismiss(id), visibleMs);
    },
    [dismiss],
  );
  const runUndo = useCallback(
    async (toast: Toast) => {
      dismiss(toast.id);
      try {
        await toast.undo?.();
      } catch {
        push({ message: t('toast.undoFailed') });
      }
    },
    [dismiss, push, t],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.key === 'z' || event.key === 'Z') || !(event.ctrlKey || event.metaKey) || event.shiftKey) return;
      const target = event.target as HTMLElement | null;
      // Inside a text field, Ctrl+Z belongs to the field.
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const latest = [...toasts].reverse().find((toast) => toast.undo);
      if (!latest) return;
      event.preventDefault();
      void runUndo(latest);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toasts, runUndo]);

  const api = useMemo<ToastApi>(
    () => ({ show: (message) => push({ message }), showUndo: (message, undo) => push({ message, undo }) }),
    [push],
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div className="toast" key={toast.id}>
            <span className="toast-message">{toast.message}</span>
            {toast.undo && (
              <button type="button" className="toast-undo" onClick={() => void runUndo(toast)}>
                {t('toast.undo')}
              </button>
            )}
            <button type="button" aria-label={t('toast.dismiss')} title={t('toast.dismiss')} onClick={() => dismiss(toast.id)}>
              <Icon name="close" size={14} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast outside ToastProvider');
  return api;
}
