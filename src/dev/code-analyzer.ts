/**
 * Salesforce Code Analyzer (the PMD rules of Salesforce's security review) over the sfdx package in
 * `visualforce/`, through @salesforce/code-analyzer-core and its PMD engine.
 *
 * One run analyses the package together with a few seeded files that each break a known rule (an
 * Apex class, a Visualforce page, an object field). The check passes only when rules were loaded,
 * PMD was handed every Apex class, page and metadata file of the package, nothing went wrong inside
 * the engine, every seeded file was caught, and the package itself has no violation.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, sep } from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel, type LogEvent } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import { SFDX_PROJECT } from './paths';
import { listFiles } from './static-files';

/** Salesforce's own rule sets for the review: security, AppExchange, and the recommended set. */
export const RULE_SELECTORS = ['pmd:Security', 'pmd:AppExchange', 'pmd:Recommended'];
/** The file kinds PMD reads in the package, by extension (Apex, Visualforce, XML metadata). */
const ANALYSED_EXTENSIONS = new Set(['.cls', '.trigger', '.page', '.component', '.xml']);

/** Files that each break a rule of the selected sets: if one is not caught, the rules are not running. */
export const SEEDS: Record<string, { source: string; rule: string }> = {
  'classes/SeededBad.cls': {
    // No sharing keyword, and a query that ignores the user's access.
    source: 'public class SeededBad {\n    public static List<Account> everything() {\n        return [SELECT Id, Name FROM Account LIMIT 10];\n    }\n}\n',
    rule: 'ApexCRUDViolation',
  },
  'pages/seededBad.page': {
    source: '<apex:page>\n    <apex:outputText escape="false" value="{!$CurrentPage.parameters.q}"/>\n</apex:page>\n',
    rule: 'VfUnescapeEl',
  },
  'objects/Seeded__c/fields/Api_Token__c.field-meta.xml': {
    source:
      '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n    <fullName>Api_Token__c</fullName>\n    <label>Api Token</label>\n    <length>80</length>\n    <type>Text</type>\n</CustomField>\n',
    rule: 'ProtectSensitiveData',
  },
};

export interface Finding {
  rule: string;
  /** Relative to the analysed folder (or the seed folder), with `/` separators. */
  file: string;
  line: number | null;
  message: string;
}

export interface Analysis {
  ruleCount: number;
  engineVersion: string;
  /** Files of the package PMD was told to scan, relative to the package folder. */
  analysedFiles: string[];
  /** Files of the package PMD should scan (by extension), relative to the package folder. */
  expectedFiles: string[];
  findings: Finding[];
  /** What each seeded file was caught for. */
  seeded: Record<string, string[]>;
  /** Errors the engine logged (a file it could not parse, a Java failure). */
  engineErrors: string[];
  seconds: number;
}

const posix = (path: string) => path.split(sep).join('/');

/** Every file under the folder, recursively, relative and with `/` separators. */
async function filesUnder(folder: string): Promise<string[]> {
  return (await listFiles(folder)).map(posix);
}

/** The pmdRunInput.json PMD's wrapper was given: language → files. */
async function scannedFiles(workingRoot: string): Promise<string[]> {
  const inputs = (await filesUnder(workingRoot)).filter((f) => f.endsWith('/pmdRunInput.json') || f === 'pmdRunInput.json');
  const scanned: string[] = [];
  for (const input of inputs) {
    const data = JSON.parse(await readFile(join(workingRoot, input), 'utf8')) as { runDataPerLanguage?: Record<string, { filesToScan?: string[] }> };
    for (const language of Object.values(data.runDataPerLanguage ?? {})) scanned.push(...(language.filesToScan ?? []));
  }
  return scanned;
}

/**
 * Runs the selected rules over `packageFolder` and the seeded files (written to a temporary folder
 * for the run), keeping PMD's working folder to see which files it was handed.
 */
export async function analyse(packageFolder = SFDX_PROJECT, selectors = RULE_SELECTORS): Promise<Analysis> {
  const started = Date.now();
  const scratch = await mkdtemp(join(tmpdir(), 'biztel-code-analyzer-'));
  const seedFolder = join(scratch, 'seeded');
  const workingRoot = join(scratch, 'work');
  await mkdir(workingRoot);
  try {
    for (const [path, seed] of Object.entries(SEEDS)) {
      await mkdir(dirname(join(seedFolder, path)), { recursive: true });
      await writeFile(join(seedFolder, path), seed.source);
    }
    const config = CodeAnalyzerConfig.fromObject({
      root_working_folder: workingRoot,
      preserve_all_working_folders: true,
      // Copy-paste detection is another engine and no part of these rule sets.
      engines: { cpd: { disable_engine: true } },
    });
    const analyzer = new CodeAnalyzer(config);
    const engineErrors: string[] = [];
    analyzer.onEvent(EventType.LogEvent, (event: LogEvent) => {
      if (event.logLevel === LogLevel.Error) engineErrors.push(event.message);
    });
    await analyzer.addEnginePlugin(createEnginePlugin());
    const workspace = await analyzer.createWorkspace([packageFolder, seedFolder]);
    const selection = await analyzer.selectRules(selectors, { workspace });
    const results = await analyzer.run(selection, { workspace });
    const findings: Finding[] = [];
    const seeded: Record<string, string[]> = Object.fromEntries(Object.keys(SEEDS).map((path) => [path, []]));
    for (const violation of results.getViolations()) {
      const location = violation.getPrimaryLocation();
      const file = location.getFile();
      const rule = violation.getRule().getName();
      const seed = file === undefined ? undefined : posix(relative(seedFolder, file));
      if (seed !== undefined && seeded[seed]) seeded[seed].push(rule);
      else findings.push({ rule, file: file === undefined ? '(no file)' : posix(relative(packageFolder, file)), line: location.getStartLine() ?? null, message: violation.getMessage() });
    }
    const expectedFiles = (await filesUnder(packageFolder)).filter((f) => ANALYSED_EXTENSIONS.has(extname(f)));
    const analysedFiles = (await scannedFiles(workingRoot)).filter((f) => !f.startsWith(seedFolder)).map((f) => posix(relative(packageFolder, f)));
    return {
      ruleCount: selection.getCount(),
      engineVersion: results.getEngineNames().includes('pmd') ? results.getEngineRunResults('pmd').getEngineVersion() : '(pmd did not run)',
      analysedFiles: [...new Set(analysedFiles)].sort(),
      expectedFiles: expectedFiles.sort(),
      findings,
      seeded,
      engineErrors,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Why the analysis does not pass, or nothing when it does. */
export function analysisProblems(analysis: Analysis): string[] {
  const problems: string[] = [];
  if (analysis.ruleCount === 0) problems.push('No rules were loaded: the selectors matched nothing, or the PMD engine did not start.');
  for (const error of analysis.engineErrors) problems.push(`The engine reported an error: ${error}`);
  for (const file of analysis.expectedFiles) if (!analysis.analysedFiles.includes(file)) problems.push(`PMD was not given ${file}.`);
  if (analysis.expectedFiles.length === 0) problems.push('The package has no Apex, Visualforce or metadata files to analyse.');
  for (const [path, rules] of Object.entries(analysis.seeded)) {
    const expected = SEEDS[path]?.rule;
    if (!expected || !rules.includes(expected)) problems.push(`The seeded ${path} was not caught by ${String(expected)} (found: ${rules.join(', ') || 'nothing'}).`);
  }
  for (const f of analysis.findings) problems.push(`${f.file}${f.line === null ? '' : `:${f.line}`} ${f.rule}: ${f.message}`);
  return problems;
}

/** Markers that silence a rule: Code Analyzer's, PMD's comment, and PMD's Apex annotation. */
const SUPPRESSION = 'code-analyzer-suppress(?:\\([^)]*\\))?|NOPMD|@SuppressWarnings\\s*\\([^)]*\\)';
const hasSuppression = (line: string) => new RegExp(SUPPRESSION, 'i').test(line);
const withoutSuppressions = (line: string) => line.replace(new RegExp(SUPPRESSION, 'gi'), ' ');
const wordCount = (text: string) => (text.match(/\p{L}{2,}/gu) ?? []).length;
/** A line that is only a comment. */
const COMMENT_LINE = /^\s*(\/\/|\/\*|\*|<!--)/;

/**
 * Suppressions without a written reason beside them: at least four words in a comment on the same
 * line, or on the line above when that line is a comment of its own (not another suppression).
 * Each is a problem, as `path:line`.
 */
export function unexplainedSuppressions(files: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (!hasSuppression(line)) return;
      const code = line.split(/\/\/|\/\*|<!--/)[0]!;
      const sameLine = wordCount(withoutSuppressions(line)) - wordCount(withoutSuppressions(code));
      const previous = lines[i - 1] ?? '';
      const above = COMMENT_LINE.test(previous) && !hasSuppression(previous) ? wordCount(previous) : 0;
      if (sameLine < 4 && above < 4) problems.push(`${path}:${i + 1} suppresses a rule without a written reason beside it.`);
    });
  }
  return problems;
}

/** The package's text files that could carry a suppression, by path relative to the package. */
export async function packageSources(packageFolder = SFDX_PROJECT): Promise<Record<string, string>> {
  const sources: Record<string, string> = {};
  for (const file of await filesUnder(packageFolder)) {
    if (ANALYSED_EXTENSIONS.has(extname(file))) sources[file] = await readFile(join(packageFolder, file), 'utf8');
  }
  return sources;
}

