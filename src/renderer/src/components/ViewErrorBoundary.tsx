// Keeps the shell alive when one screen fails to render: the sidebar, the composer and every saved
// change stay; the screen says what happened and can be drawn again.
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface BoundaryProps {
  children: ReactNode;
  fallback: (error: Error, retry: () => void) => ReactNode;
}

interface BoundaryState {
  error: Error | null;
}

class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console is where a developer (or a bug report) finds the component stack.
    console.error('A screen failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error) return this.props.fallback(error, () => this.setState({ error: null }));
    return this.props.children;
  }
}

/** Wraps one screen: a rendering failure shows a notice in its place instead of a blank window. */
export function ViewErrorBoundary({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Boundary
      fallback={(error, retry) => (
        <div role="alert" className="empty-state" data-testid="view-failed">
          <h1>{t('app.viewFailedTitle')}</h1>
          <p>{t('app.viewFailedText')}</p>
          <p className="muted small">{error.message}</p>
          <button type="button" className="button" onClick={retry}>
            {t('app.viewRetry')}
          </button>
        </div>
      )}
    >
      {children}
    </Boundary>
  );
}
