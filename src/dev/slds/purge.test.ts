import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { namedCustomProperties, purgeCss, usedElements, usedSldsClasses } from './purge';

/** The selectors of the purged CSS's style rules, outside keyframes, in order. */
function selectorsOf(css: string): string[] {
  const selectors: string[] = [];
  postcss.parse(css).walkRules((rule) => {
    if (!(rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as postcss.AtRule).name))) selectors.push(rule.selector);
  });
  return selectors;
}

const atRulesOf = (css: string) => {
  const found: string[] = [];
  postcss.parse(css).walkAtRules((rule) => {
    found.push(`@${rule.name} ${rule.params}`.trim());
  });
  return found;
};

const customPropertiesOf = (css: string) => {
  const found: string[] = [];
  postcss.parse(css).walkDecls(/^--/, (decl) => {
    found.push(decl.prop);
  });
  return found.sort();
};

const used = (...names: string[]) => new Set(names);

describe('purgeCss', () => {
  it('keeps the rules whose every class is used and drops the others', () => {
    const css = '.slds-button{color:red}.slds-badge{color:blue}.slds-button .slds-icon{fill:red}.slds-button.slds-button_brand{color:white}';
    expect(selectorsOf(purgeCss(css, used('slds-button', 'slds-button_brand')))).toEqual(['.slds-button', '.slds-button.slds-button_brand']);
  });

  it('splits comma selectors and keeps only the used parts', () => {
    const out = purgeCss('.slds-button,.slds-badge,.slds-button:hover{color:red}', used('slds-button'));
    expect(selectorsOf(out)).toEqual(['.slds-button,.slds-button:hover']);
    expect(out).toContain('color:red');
  });

  it('keeps base rules, except those keyed by attributes of components the panel does not use', () => {
    const css = 'html{font-size:100%}button{cursor:pointer}[hidden]{display:none}input[type="text"]{border:0}[dir=rtl]{direction:rtl}[data-kinetics]{opacity:0}';
    expect(selectorsOf(purgeCss(css, used()))).toEqual(['html', 'button', '[hidden]', 'input[type="text"]']);
  });

  it('keeps keyframes only when a kept rule animates with them', () => {
    const css = '@keyframes spin{from{opacity:0}to{opacity:1}}@keyframes fade{to{opacity:0}}@keyframes pulse{to{opacity:.5}}' +
      '.slds-spinner{animation:spin 1s linear infinite}.slds-badge{animation-name:pulse}';
    expect(atRulesOf(purgeCss(css, used('slds-spinner')))).toEqual(['@keyframes spin']);
  });

  it('keeps the custom properties kept rules read, and what those read in turn', () => {
    // Set by the panel too (hooks): they stay properties rather than becoming their values.
    const css = ':root{--a:var(--b);--b:var(--c, red);--c:blue;--unused:var(--a);--d:green}.slds-button{color:var(--a)}.slds-badge{color:var(--d)}';
    const hooks = new Set(['--a', '--b', '--c', '--d', '--unused']);
    expect(customPropertiesOf(purgeCss(css, used('slds-button'), { hooks }))).toEqual(['--a', '--b', '--c']);
  });

  it('drops @font-face (system fonts only) and @charset', () => {
    const css = '@charset "UTF-8";@font-face{font-family:Salesforce Sans;src:url(x.woff2)}.slds-button{color:red}';
    const out = purgeCss(css, used('slds-button'));
    expect(atRulesOf(out)).toEqual([]);
    expect(selectorsOf(out)).toEqual(['.slds-button']);
  });

  it('drops a media query whose rules all went, and keeps one with a kept rule', () => {
    const css = '@media (min-width:48em){.slds-badge{color:red}}@media (min-width:64em){.slds-button{color:red}}@supports (display:grid){@media print{.slds-badge{color:red}}}';
    expect(atRulesOf(purgeCss(css, used('slds-button')))).toEqual(['@media (min-width:64em)']);
  });

  it('leaves a parsed tree as it was, so one parse serves every purge', () => {
    const tree = postcss.parse('.slds-button{color:red}.slds-badge{color:blue}');
    expect(selectorsOf(purgeCss(tree, used('slds-button')))).toEqual(['.slds-button']);
    expect(selectorsOf(purgeCss(tree, used('slds-badge')))).toEqual(['.slds-badge']);
    expect(selectorsOf(tree.toString())).toEqual(['.slds-button', '.slds-badge']);
  });
});

describe('usedSldsClasses', () => {
  it('finds every slds- class in the sources, once, without a trailing hyphen of a template', () => {
    const sources = ['<button className="slds-button slds-button_brand">', 'const c = `slds-icon-${name} slds-m-top_small`;', "cx('slds-button', notSlds)"];
    expect([...usedSldsClasses(sources)].sort()).toEqual(['slds-button', 'slds-button_brand', 'slds-icon', 'slds-m-top_small']);
  });

  it('does not take a word that merely ends in slds-', () => {
    expect([...usedSldsClasses(['myslds-button', 'x-slds-badge'])]).toEqual(['slds-badge']);
  });
});

describe('purgeCss, told what else the panel uses', () => {
  it('drops selectors naming an element the panel never renders; html and body always count', () => {
    const css = 'html,body{margin:0}audio,canvas,video{display:inline-block}button,select{text-transform:none}:where(html){color:#000}svg:not(:root){overflow:hidden}input[type=button]{cursor:pointer}.slds-button mark{color:red}';
    const out = purgeCss(css, used('slds-button'), { elements: new Set(['button', 'svg']) });
    expect(selectorsOf(out)).toEqual(['html,body', 'button', ':where(html)', 'svg:not(:root)']);
  });

  it('keeps a class pattern only when a used class fits it', () => {
    const css = '.slds-truncate[class*=slds-table_column-]{color:red}.slds-button[class^=slds-button]{color:blue}.slds-button[class$="_brand"]{color:green}';
    expect(selectorsOf(purgeCss(css, used('slds-truncate', 'slds-button', 'slds-button_brand')))).toEqual(['.slds-button[class^=slds-button]', '.slds-button[class$="_brand"]']);
    expect(selectorsOf(purgeCss(css, used('slds-truncate', 'slds-table_column-1')))).toEqual(['.slds-truncate[class*=slds-table_column-]']);
  });

  it('drops right-to-left rules and Internet Explorer pseudo-classes', () => {
    const css = '[dir=rtl] .slds-button{margin:0}.slds-input::-ms-clear{display:none}.slds-input:-ms-input-placeholder{color:gray}.slds-input::placeholder{color:gray}';
    expect(selectorsOf(purgeCss(css, used('slds-button', 'slds-input')))).toEqual(['.slds-input::placeholder']);
  });

  it('replaces a styling hook nobody sets by its fallback, nested ones too, and keeps those set', () => {
    const css =
      ':root{--slds-g-color:#fff}.slds-button_brand{--slds-c-button-brand-color:blue}' +
      '.slds-button{color:var(--slds-c-button-text-color, var(--slds-g-color, #000));background:var(--slds-c-button-brand-color, red);' +
      'border:var(--slds-c-button-border, 1px solid rgb(0 0 0 / var(--slds-c-alpha, 0.5)));outline:var(--slds-c-set-by-panel, none)}';
    const out = purgeCss(css, used('slds-button', 'slds-button_brand'), { hooks: new Set(['--slds-c-set-by-panel']) });
    const decls: Record<string, string> = {};
    postcss.parse(out).walkDecls((d) => {
      if (d.parent?.type === 'rule' && (d.parent).selector === '.slds-button') decls[d.prop] = d.value;
    });
    expect(decls).toEqual({
      color: '#fff', // the page's token (below)
      background: 'var(--slds-c-button-brand-color, red)',
      border: '1px solid rgb(0 0 0 / 0.5)',
      outline: 'var(--slds-c-set-by-panel, none)',
    });
  });
});

describe('what the panel source uses besides classes', () => {
  it('finds the elements it renders and the custom properties it names', () => {
    expect([...usedElements(['<main className="panel"><p>{x}</p></main>', '<input id={a} />'])].filter((e) => !['svg', 'path', 'circle', 'ellipse', 'rect', 'polygon'].includes(e)).sort()).toEqual(['input', 'main', 'p']);
    expect([...namedCustomProperties(['.x{--slds-c-badge-color:red;color:var(--panel-gap)}'])].sort()).toEqual(['--panel-gap', '--slds-c-badge-color']);
  });
});

describe('purgeCss, design tokens set once for the page', () => {
  const declsOf = (css: string, selector: string) => {
    const found: Record<string, string> = {};
    postcss.parse(css).walkDecls((d) => {
      if (d.parent?.type === 'rule' && (d.parent).selector === selector) found[d.prop] = d.value;
    });
    return found;
  };

  it('become their value (an unlayered one wins over a layered one), and their definitions go', () => {
    const css =
      ':root{--slds-g-gray:#747474;--slds-g-ring:0 0 0 2px var(--slds-g-brand)}@layer defaults{:where(html){--slds-g-gray:#757575;--slds-g-brand:#0b5cab}}' +
      '.slds-button{color:var(--slds-g-gray);box-shadow:var(--slds-c-button-shadow, var(--slds-g-ring));--slds-c-button-shadow:none}';
    const out = purgeCss(css, used('slds-button'));
    expect(declsOf(out, '.slds-button')).toEqual({ color: '#747474', 'box-shadow': 'var(--slds-c-button-shadow, 0 0 0 2px #0b5cab)', '--slds-c-button-shadow': 'none' });
    expect(customPropertiesOf(out)).toEqual(['--slds-c-button-shadow']);
  });

  it('stay tokens when another rule sets them for part of the page, or the panel names them', () => {
    const css = ':root{--slds-g-a:red;--slds-g-b:blue}.slds-badge{--slds-g-a:green}.slds-button{color:var(--slds-g-a);background:var(--slds-g-b)}';
    const out = purgeCss(css, used('slds-button', 'slds-badge'), { hooks: new Set(['--slds-g-b']) });
    expect(declsOf(out, '.slds-button')).toEqual({ color: 'var(--slds-g-a)', background: 'var(--slds-g-b)' });
  });
});
