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
 * the user can go elsewhere or try again. (Nothing is lost: every write is already saved or refused.)
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('A screen failed to render', error, info.componentStack);
  }

  render(): ReactNode {
    if (this.state.failed) return <CrashNotice onRetry={() => this.setState({ failed: false })} />;
    return this.props.children;
  }
}
