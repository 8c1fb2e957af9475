/**
 * What was wrong with a payload, one line per problem: where (the path into it) and zod's message.
 * zod's own `prettifyError` says the same with a little more weight, and the panel only shows this
 * as diagnostics.
 */
export interface Issues {
  issues: readonly { message: string; path: readonly PropertyKey[] }[];
}

export const issuesText = ({ issues }: Issues): string =>
  issues.map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message)).join('\n');
