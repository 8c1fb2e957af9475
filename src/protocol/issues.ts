/**
 * What was wrong with a payload, one line per problem: where (the path into it) and zod's message.
 * zod's own `prettifyError` says much the same with more weight, and the panel only shows this as
 * diagnostics. Of a union none of whose shapes fit, the shape that came closest (fewest problems)
 * speaks: for messages told apart by their `type`, that is the one the message said it was.
 */
export interface Issue {
  message: string;
  path: readonly PropertyKey[];
  /** A union's problems, one list per shape it could have had. */
  errors?: readonly (readonly Issue[])[];
}

function lines(issues: readonly Issue[], prefix: readonly PropertyKey[]): string[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    const shapes = issue.errors?.filter((shape) => shape.length > 0) ?? [];
    if (shapes.length > 0) return lines(shapes.reduce((closest, shape) => (shape.length < closest.length ? shape : closest)), path);
    return [path.length > 0 ? `${path.map(String).join('.')}: ${issue.message}` : issue.message];
  });
}

export const issuesText = ({ issues }: { issues: readonly Issue[] }): string => lines(issues, []).join('\n');
