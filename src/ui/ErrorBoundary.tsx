/**
 * The last line: when something this panel cannot show truthfully happens (a part of the UI throws,
 * or another panel sends state it cannot read), it says so and offers a reload instead of going blank.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from './context';
import { Button } from './parts';

export function FaultView({ reason }: { reason: string | null }) {
  const t = useT();
  return (
    <section className="panel__failure" role="alert">
      <h1 className="slds-text-heading_small">{t('fault.title')}</h1>
      <p>{t('fault.body')}</p>
      {reason && <p className="panel__detail">{reason}</p>}
      <Button tone="brand" onClick={() => window.location.reload()}>
        {t('fault.reload')}
      </Button>
    </section>
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state: { error: string | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: string } {
    return { error: error instanceof Error ? error.message.slice(0, 300) : 'unknown error' };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('BIZTEL Open CTI: the panel failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error !== null) return <FaultView reason={this.state.error} />;
    return this.props.children;
  }
}
