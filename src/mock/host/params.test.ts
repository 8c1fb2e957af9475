import { describe, expect, it } from 'vitest';
import { defaultPanelOrigin, pageUrl, panelUrl, parseHostParams } from './params';

const at = (href: string) => new URL(href) as unknown as Location;

describe('the mock page’s address', () => {
  it('frames the panel from the other loopback name, or the Visualforce domain of a force.com name', () => {
    expect(defaultPanelOrigin(at('http://localhost:5173/mock/'))).toBe('http://127.0.0.1:5173');
    expect(defaultPanelOrigin(at('http://127.0.0.1:5173/mock/'))).toBe('http://localhost:5173');
    expect(defaultPanelOrigin(at('https://acme.lightning.force.com:5443/mock/'))).toBe('https://acme--c.vf.force.com:5443');
  });

  it('reads mode, lang, user, panelOrigin and refuses what it does not know', () => {
    expect(parseHostParams(at('https://acme.lightning.force.com:5443/mock/?mode=classic&lang=en&user=agent02&panelOrigin=https://acme--c.vf.force.com:5443/x'))).toEqual({
      mode: 'classic',
      lang: 'en',
      user: 'agent02',
      panelOrigin: 'https://acme--c.vf.force.com:5443',
      panelPath: '/',
      popout: null,
    });
    const odd = parseHostParams(at('http://localhost:5173/mock/?user=root&panelOrigin=javascript:alert(1)&panelPath=//evil.example/&popout=../x'));
    expect(odd).toMatchObject({ mode: 'lightning', lang: 'ja', user: 'agent01', panelOrigin: 'http://127.0.0.1:5173', panelPath: '/', popout: null });
  });

  it('passes the panel what Salesforce passes, derived from the page’s own origin', () => {
    const params = parseHostParams(at('https://acme.lightning.force.com:5443/mock/'));
    const lightning = new URL(panelUrl(params, 'https://acme.lightning.force.com:5443'));
    expect(lightning.origin).toBe('https://acme--c.vf.force.com:5443');
    expect(lightning.searchParams.get('mode')).toBe('Lightning');
    expect(lightning.searchParams.get('sfdcIframeOrigin')).toBe('https://acme.lightning.force.com:5443');
    const classic = new URL(panelUrl({ ...params, mode: 'classic' }, 'http://localhost:5173'));
    expect(classic.searchParams.get('mode')).toBeNull();
    expect(classic.searchParams.get('sfdcIFrameOrigin')).toBe('http://localhost:5173');
  });

  it('builds links to itself with other parameters', () => {
    expect(pageUrl(at('http://localhost:5173/mock/?lang=en#/r/x'), { user: 'agent02', popout: null })).toBe('http://localhost:5173/mock/?lang=en&user=agent02');
  });
});
