import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { EmptyState } from './EmptyState';

function CrashNotice({ onRetry }: { onRetry(): void }) {
  const { t } = useTranslation('common');
  return (
    <EmptyState icon="alert" title={t('crash.title')} actions={<Button onClick={onRetry}>{t('actions.retry')}</Button>}>
      {t('crash.body')}
    </EmptyState>
  );
}

/**
 * Keeps a failing screen from taking the whole window down: the sidebar, search and palette stay usable and
 * the user can go elsewhere or try again. (Nothing is lost: every write is already saved or refused.) With a
 * `fallback`, it guards one part of a screen (a dashboard card) and shows that in its place.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; fallback?: (retry: () => void) => ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(this.props.fallback ? 'A part of the screen failed to render' : 'A screen failed to render', error, info.componentStack);
  }

  render(): ReactNode {
    if (this.state.failed) {
      const retry = () => this.setState({ failed: false });
      return this.props.fallback ? this.props.fallback(retry) : <CrashNotice onRetry={retry} />;
    }
    return this.props.children;
  }
}
