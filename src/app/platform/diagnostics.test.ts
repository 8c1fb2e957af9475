import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DiagnosticsRecorder } from './diagnostics';
import { createPanelStore } from '../store';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('counting the input the panel refused', () => {
  it('counts per kind, keeps the last reason, and writes the store once per interval however many arrive', () => {
    const store = createPanelStore('en');
    const warnings: string[] = [];
    const recorder = new DiagnosticsRecorder(store, { flushMs: 250, warn: (m) => warnings.push(m), now: () => 42 });
    let writes = 0;
    store.subscribe((s, prev) => {
      if (s.local.diagnostics !== prev.local.diagnostics) writes += 1;
    });
    for (let i = 0; i < 1000; i++) recorder.report('salesforce:navigation', `bad ${i}`);
    recorder.fromLink({ source: 'agentEvent', message: 'seq: expected number', at: 7 });
    recorder.report('tabs', 'x'.repeat(1000));
    expect(store.getState().local.diagnostics.total).toBe(0); // not yet: coalesced
    vi.advanceTimersByTime(250);
    expect(writes).toBe(1);
    expect(store.getState().local.diagnostics).toEqual({
      total: 1002,
      byKind: { 'salesforce:navigation': 1000, 'socket:agentEvent': 1, tabs: 1 },
      last: { kind: 'tabs', message: 'x'.repeat(300), at: 42 },
    });
    // The console hears the first of each kind, with its reason, and no more.
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain('salesforce:navigation');
    expect(warnings[0]).toContain('bad 0');
    recorder.report('salesforce:navigation', 'again');
    recorder.stop(); // flushes what is pending
    expect(store.getState().local.diagnostics.byKind['salesforce:navigation']).toBe(1001);
    expect(warnings).toHaveLength(3);
  });

  it('maps host diagnostics to salesforce kinds', () => {
    const store = createPanelStore('en');
    const recorder = new DiagnosticsRecorder(store, { warn: () => {} });
    recorder.fromHost({ kind: 'searchRecord', message: 'Id: invalid' });
    recorder.flush();
    expect(store.getState().local.diagnostics.byKind).toEqual({ 'salesforce:searchRecord': 1 });
  });
});
