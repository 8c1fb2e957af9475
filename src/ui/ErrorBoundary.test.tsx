// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePanel } from './context';
import { ErrorBoundary } from './ErrorBoundary';
import { click, getByRole, queryAllByRole, renderPanel, update } from './test-support/render';

/** A part of the UI that cannot show what it is given: it throws once the agent's name is "broken". */
function Fragile() {
  const name = usePanel((s) => s.shared.session?.agent.name ?? null);
  if (name === 'broken') throw new Error('cannot show this agent');
  return <p>All well</p>;
}

function Throws({ value }: { value: unknown }): never {
  throw value;
}

let logged: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  // React and the boundary report the error on the console; the test reads that instead of printing it.
  logged = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the error boundary', () => {
  it('shows its children while they render', async () => {
    const { container } = await renderPanel(
      <ErrorBoundary>
        <Fragile />
      </ErrorBoundary>,
    );
    expect(container.textContent).toBe('All well');
    expect(queryAllByRole(container, 'alert')).toEqual([]);
  });

  it('shows the reload view, with the reason, when a child throws', async () => {
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    const { container } = await renderPanel(
      <ErrorBoundary>
        <Throws value={new Error('cannot read the state')} />
      </ErrorBoundary>,
    );
    const view = getByRole(container, 'alert');
    expect(getByRole(view, 'heading').textContent).toBe('Please reload this panel');
    expect(view.textContent).toContain('Calls carry on in BIZTEL.');
    expect(view.textContent).toContain('cannot read the state');
    expect(logged).toHaveBeenCalledWith('BIZTEL Open CTI: the panel failed to render', new Error('cannot read the state'), expect.any(String));
    await click(getByRole(view, 'button', 'Reload'));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('replaces a view that starts throwing on a later change', async () => {
    const { container, store } = await renderPanel(
      <ErrorBoundary>
        <Fragile />
      </ErrorBoundary>,
    );
    await update(() =>
      store.getState().signedIn({
        agent: { loginId: 'agent01', name: 'broken', extension: '1001', statusId: 'available', phoneRegistered: true, callerId: null },
        statuses: [],
        callerIds: [],
        settings: {},
      }),
    );
    expect(container.textContent).not.toContain('All well');
    expect(getByRole(container, 'alert').textContent).toContain('cannot show this agent');
  });

  it('says "unknown error" for a throw that is not an Error', async () => {
    const { container } = await renderPanel(
      <ErrorBoundary>
        <Throws value="a bare string" />
      </ErrorBoundary>,
    );
    expect(getByRole(container, 'alert').textContent).toContain('unknown error');
  });
});
