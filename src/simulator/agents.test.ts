import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '../protocol';
import { AgentBook } from './agents';

function book() {
  const events: AgentEvent[] = [];
  const agents = new AgentBook({ agentEvent: (_s, e) => events.push(e), sessionEnded: () => {} });
  return { agents, events };
}

describe('the agent book', () => {
  it('signs an agent in as 受付可 with its desktop softphone running, even after QA stopped it (the seed’s promise)', () => {
    const { agents } = book();
    const agent = agents.require('agent01');
    agents.signIn('agent01', 'biztel');
    agents.setPhoneRegistered(agent, false);
    agents.setStatus(agent, 'break', false);
    agents.endSession(agent.session!, 'signedOut');
    expect(agent.phoneRegistered).toBe(false);

    agents.signIn('agent01', 'biztel');
    expect(agents.view(agent)).toMatchObject({ statusId: 'ready', phoneRegistered: true });
  });

  it('refuses a wrong password and leaves the agent as it was', () => {
    const { agents } = book();
    const agent = agents.require('agent02');
    agents.setPhoneRegistered(agent, false);
    expect(() => agents.signIn('agent02', 'wrong')).toThrow(/wrong/);
    expect(agent.phoneRegistered).toBe(false);
    expect(agent.session).toBeNull();
  });
});
