import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGES_DIR, pageMarkupProblems, renderVisualforce, resourcePaths } from './visualforce-page';

const PAGES = ['biztelcti', 'biztelctistandby'];
const source = (name: string) => readFileSync(join(PAGES_DIR, `${name}.page`), 'utf8');
const BASE = '/resource/1767225600000/biztelcti';

describe('the Visualforce pages', () => {
  it.each(PAGES)('%s is well-formed and runs under a strict CSP (no inline script, style or handlers)', (name) => {
    expect(pageMarkupProblems(source(name))).toEqual([]);
  });

  it('the check finds markup that is not well-formed', () => {
    expect(pageMarkupProblems('<apex:page><div><p></div></apex:page>')[0]).toMatch(/^not well-formed/);
    expect(pageMarkupProblems('<apex:page><img src=x></apex:page>')[0]).toMatch(/^not well-formed/);
  });

  it('the check finds everything a strict CSP refuses', () => {
    const page = [
      '<apex:page>',
      '<script>window.x = 1;</script>',
      '<script src="{!URLFOR($Resource.biztelcti, \'a.js\')}">inline too</script>',
      '<style>body { color: red }</style>',
      '<div style="color: red" onClick="go()"><a href=" javascript:void(0)">x</a></div>',
      '</apex:page>',
    ].join('\n');
    expect(pageMarkupProblems(page)).toEqual([
      'an inline <script>',
      'an inline <script>',
      'an inline <style>',
      'a style attribute on <div>',
      'an event-handler attribute onClick on <div>',
      'a javascript: URL in href on <a>',
    ]);
  });

  it('biztelcti names its files in the static resource biztelcti only', () => {
    expect(resourcePaths(source('biztelcti'))).toEqual(['favicon.svg', 'assets/biztelcti.css', 'assets/biztelcti.js']);
    expect(source('biztelcti')).not.toMatch(/\$Resource\.(?!biztelcti\b)/);
  });
});

describe('renderVisualforce (the test servers\' stand-in for Visualforce)', () => {
  const lightning = renderVisualforce(source('biztelcti'), { mode: 'Lightning', resourceBase: BASE, userLanguage: 'en_US' });
  const classic = renderVisualforce(source('biztelcti'), { mode: null, resourceBase: BASE, userLanguage: 'ja' });

  it('Lightning (mode=Lightning): loads opencti_min.js, not interaction.js', () => {
    expect(lightning).toContain('<script src="/support/api/57.0/lightning/opencti_min.js"></script>');
    expect(lightning).not.toContain('interaction.js');
  });

  it('Classic (no mode): loads interaction.js, not opencti_min.js', () => {
    expect(classic).toContain('<script src="/support/api/57.0/interaction.js"></script>');
    expect(classic).not.toContain('opencti_min.js');
    // Any other mode is Classic too: the page tests `mode == 'Lightning'` only.
    expect(renderVisualforce(source('biztelcti'), { mode: 'lightning', resourceBase: BASE, userLanguage: 'ja' })).toContain('interaction.js');
  });

  it('resolves URLFOR on the resource and the user language, and leaves no Visualforce behind', () => {
    expect(lightning).toContain(`<script type="module" src="${BASE}/assets/biztelcti.js"></script>`);
    expect(lightning).toContain(`<link rel="stylesheet" href="${BASE}/assets/biztelcti.css"/>`);
    expect(lightning).toContain(`href="${BASE}/favicon.svg"`);
    expect(lightning).toContain('<html data-user-language="en_US">');
    expect(classic).toContain('<html data-user-language="ja">');
    for (const html of [lightning, classic]) {
      expect(html.startsWith('<!doctype html>\n<html')).toBe(true);
      expect(html).not.toMatch(/<apex:|\{!|<!--/);
    }
  });

  it('renders and lists a spaced URLFOR alike', () => {
    const spaced = "<apex:page><script src=\"{! URLFOR( $Resource.biztelcti , 'assets/a.js' ) }\"></script></apex:page>";
    expect(renderVisualforce(spaced, { mode: null, resourceBase: BASE, userLanguage: 'ja' })).toContain(`<script src="${BASE}/assets/a.js"></script>`);
    expect(resourcePaths(spaced)).toEqual(['assets/a.js']);
  });

  it('fails loudly on Visualforce it does not know, so the page and the renderer stay in step', () => {
    expect(() => renderVisualforce('<apex:page><apex:form></apex:form></apex:page>', { mode: null, resourceBase: BASE, userLanguage: 'ja' })).toThrow(/does not know/);
    expect(() => renderVisualforce("<apex:page>{!$Resource.other}</apex:page>", { mode: null, resourceBase: BASE, userLanguage: 'ja' })).toThrow(/does not know/);
  });

  it('renders the standby page as static HTML', () => {
    const standby = renderVisualforce(source('biztelctistandby'), { mode: 'Lightning', resourceBase: BASE, userLanguage: 'ja' });
    expect(standby).toContain('BIZTEL設定をご確認ください。');
    expect(standby).not.toContain('<script');
  });
});
