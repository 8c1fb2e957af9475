/**
 * The Code Analyzer check can fail: a known-bad class in the package, no rules, a file PMD was not
 * given, a seeded file not caught, a suppression without a reason. (The package itself is checked by
 * `npm test`'s code-analyzer step, src/dev/code-analyzer-check.ts.)
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, analyse, analysisProblems, unexplainedSuppressions, type Analysis } from './code-analyzer';
import { ensureJava } from './java';
import { SFDX_PROJECT } from './paths';

/** A class a reviewer would refuse: no sharing keyword, a query in system mode, DML in a loop. */
const KNOWN_BAD = `public class KnownBad {
    public static void renameAll(String name) {
        for (Account record : [SELECT Id FROM Account WHERE Name = :name]) {
            record.Name = name + '!';
            update record;
        }
    }
}
`;

describe('the Code Analyzer check (PMD with the Security, AppExchange and Recommended rules)', () => {
  let copy: string;
  beforeAll(async () => {
    ensureJava();
    copy = await mkdtemp(join(tmpdir(), 'biztel-package-'));
    await cp(SFDX_PROJECT, copy, { recursive: true, filter: (path) => !path.endsWith('.resource') });
    await writeFile(join(copy, 'force-app/main/default/classes/KnownBad.cls'), KNOWN_BAD);
  });
  afterAll(() => rm(copy, { recursive: true, force: true }));

  it('fails on a known-bad class added to the package, naming its file, line and rules', async () => {
    const analysis = await analyse(copy);
    expect(analysis.ruleCount).toBeGreaterThan(50);
    expect(analysis.analysedFiles).toContain('force-app/main/default/classes/KnownBad.cls');
    const problems = analysisProblems(analysis);
    for (const rule of ['ApexSharingViolations', 'ApexCRUDViolation', 'OperationWithLimitsInLoop']) {
      expect(problems, rule).toContainEqual(expect.stringMatching(new RegExp(`^force-app/main/default/classes/KnownBad\\.cls:\\d+ ${rule}: `)));
    }
    expect(problems.every((p) => p.startsWith('force-app/main/default/classes/KnownBad.cls:')), problems.join('\n')).toBe(true);
  }, 120_000);

  it('fails when no rules are loaded', async () => {
    const analysis = await analyse(copy, ['pmd:NoSuchRuleSet']);
    expect(analysis.ruleCount).toBe(0);
    expect(analysisProblems(analysis)).toContain('No rules were loaded: the selectors matched nothing, or the PMD engine did not start.');
  }, 120_000);
});

describe('what the check counts as a problem', () => {
  const clean: Analysis = {
    ruleCount: 102,
    engineVersion: 'x',
    analysedFiles: ['a.cls', 'b.page'],
    expectedFiles: ['a.cls', 'b.page'],
    findings: [],
    seeded: Object.fromEntries(Object.entries(SEEDS).map(([path, seed]) => [path, [seed.rule]])),
    engineErrors: [],
    seconds: 1,
  };

  it('nothing in a clean run', () => {
    expect(analysisProblems(clean)).toEqual([]);
  });

  it('a file PMD was not given, a seed not caught, an engine error, an empty package', () => {
    expect(analysisProblems({ ...clean, analysedFiles: ['a.cls'] })).toEqual(['PMD was not given b.page.']);
    expect(analysisProblems({ ...clean, seeded: { ...clean.seeded, 'pages/seededBad.page': [] } })).toEqual([
      'The seeded pages/seededBad.page was not caught by VfUnescapeEl (found: nothing).',
    ]);
    expect(analysisProblems({ ...clean, engineErrors: ['PMD failed to parse a.cls'] })).toEqual(['The engine reported an error: PMD failed to parse a.cls']);
    expect(analysisProblems({ ...clean, analysedFiles: [], expectedFiles: [] })).toEqual(['The package has no Apex, Visualforce or metadata files to analyse.']);
  });

  it('a suppression is allowed only with a written reason beside it', () => {
    const problems = unexplainedSuppressions({
      'a.cls': [
        'Integer a = 1; // NOPMD',
        'Integer b = 2; // NOPMD: the directory names are shared labels every agent sees',
        "@SuppressWarnings('PMD.ApexCRUDViolation')",
        'public static void f() {}',
        '// Directory numbers are the org\'s shared labels, shown to every agent alike.',
        "@SuppressWarnings('PMD.ApexCRUDViolation')",
        '// code-analyzer-suppress(pmd:ApexDoc)',
      ].join('\n'),
      'b.page': '<!-- NOPMD because the value is escaped by the component itself -->\n<!-- code-analyzer-suppress -->',
    });
    expect(problems).toEqual([
      'a.cls:1 suppresses a rule without a written reason beside it.',
      'a.cls:3 suppresses a rule without a written reason beside it.',
      'a.cls:7 suppresses a rule without a written reason beside it.',
      'b.page:2 suppresses a rule without a written reason beside it.',
    ]);
  });
});
