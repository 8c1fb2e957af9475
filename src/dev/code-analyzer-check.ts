/**
 * `npm test` runs this after lint: Salesforce Code Analyzer's Security, AppExchange and Recommended
 * rules over `visualforce/`, which must find nothing there (and must catch the seeded bad files), and
 * no suppression without a written reason. Prints the rule and violation counts and the time taken.
 */
import { RULE_SELECTORS, analyse, analysisProblems, packageSources, unexplainedSuppressions } from './code-analyzer';
import { ensureJava } from './java';

try {
  const java = ensureJava();
  const analysis = await analyse();
  const problems = [...analysisProblems(analysis), ...unexplainedSuppressions(await packageSources())];
  const caught = Object.entries(analysis.seeded).map(([path, rules]) => `${path.split('/').pop()!}: ${[...new Set(rules)].join(', ')}`);
  console.log(
    `Salesforce Code Analyzer (PMD engine ${analysis.engineVersion}, Java ${java}): ${analysis.ruleCount} rules (${RULE_SELECTORS.join(', ')}) ` +
      `over ${analysis.analysedFiles.length} files of visualforce/: ${analysis.findings.length} violations; seeded files caught (${caught.join('; ')}); ${analysis.seconds.toFixed(1)} s.`,
  );
  if (problems.length > 0) {
    console.error(`Code Analyzer check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
