import { useSyncExternalStore, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import './exportStatus.css';

/**
 * What the File actions show while and after they work: a progress notice for long work, then the outcome (with
 * Undo where it exists) or a clear error. File actions run outside any screen (menu, palette), so this lives in
 * its own small React root on the page rather than in a screen's tree.
 */
interface Notice {
  id: number;
  kind: 'working' | 'done' | 'error';
  message: string;
  undo?: () => void;
}

let notices: Notice[] = [];
let dialog: ReactNode = null;
let nextId = 1;
const listeners = new Set<() => void>();
const visibleMs = 8000;

function publish(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function dismiss(id: number): void {
  notices = notices.filter((notice) => notice.id !== id);
  publish();
}

function push(notice: Omit<Notice, 'id'>): number {
  ensureHost();
  const id = nextId++;
  notices = [...notices.filter((item) => item.kind === 'working').slice(-2), ...notices.filter((item) => item.kind !== 'working').slice(-2), { ...notice, id }];
  publish();
  if (notice.kind === 'done') setTimeout(() => dismiss(id), visibleMs);
  return id;
}

export const fileStatus = {
  /** Shows `message` with a progress indicator for as long as `work` runs. */
  async track<T>(message: string, work: () => Promise<T>): Promise<T> {
    const id = push({ kind: 'working', message });
    try {
      return await work();
    } finally {
      dismiss(id);
    }
  },
  done(message: string, undo?: () => void): void {
    push({ kind: 'done', message, undo });
  },
  /** Errors stay until dismissed: the user must be able to read them. */
  failed(message: string): void {
    push({ kind: 'error', message });
  },
  /** Shows a dialog (built by `render` with a function that closes it) until it closes. */
  openDialog(render: (close: () => void) => ReactNode): void {
    ensureHost();
    const close = () => {
      dialog = null;
      publish();
    };
    dialog = render(close);
    publish();
  },
};

function Spinner() {
  return <span className="file-status-spinner" aria-hidden="true" />;
}

function FileStatusHost() {
  const { t } = useTranslation('common');
  const current = useSyncExternalStore(subscribe, () => notices);
  const openDialog = useSyncExternalStore(subscribe, () => dialog);
  return (
    <>
      {openDialog}
      <div className="file-status" role="status" aria-live="polite">
        {current
          .filter((notice) => notice.kind !== 'error')
          .map((notice) => (
            <div className={`toast file-status-${notice.kind}`} key={notice.id} data-testid={`file-status-${notice.kind}`}>
              {notice.kind === 'working' && <Spinner />}
              <span className="toast-message">{notice.message}</span>
              {notice.undo && (
                <button
                  type="button"
                  className="toast-undo"
                  onClick={() => {
                    dismiss(notice.id);
                    notice.undo?.();
                  }}
                >
                  {t('toast.undo')}
                </button>
              )}
              {notice.kind !== 'working' && (
                <button type="button" aria-label={t('toast.dismiss')} onClick={() => dismiss(notice.id)}>
                  ×
                </button>
              )}
            </div>
          ))}
      </div>
      <div className="file-status file-status-alerts" role="alert">
        {current
          .filter((notice) => notice.kind === 'error')
          .map((notice) => (
            <div className="toast file-status-error" key={notice.id} data-testid="file-status-error">
              <span className="toast-message">{notice.message}</span>
              <button type="button" aria-label={t('toast.dismiss')} onClick={() => dismiss(notice.id)}>
                ×
              </button>
            </div>
          ))}
      </div>
    </>
  );
}

let mounted = false;

function ensureHost(): void {
  if (mounted) return;
  mounted = true;
  const container = document.createElement('div');
  container.id = 'candid-file-status';
  document.body.append(container);
  createRoot(container).render(<FileStatusHost />);
}
