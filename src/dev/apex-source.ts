/**
 * Reading the package's Apex without an org: syntax errors from @apexdevtools/apex-parser (the grammar
 * follows the platform compiler), and the webService methods a class exposes to Open CTI runApex.
 */
import { ApexErrorListener, ApexParserFactory, type ClassBodyDeclarationContext, type ModifierContext } from '@apexdevtools/apex-parser';

class CollectingListener extends ApexErrorListener {
  readonly errors: string[] = [];
  apexSyntaxError(line: number, column: number, msg: string): void {
    this.errors.push(`${line}:${column} ${msg}`);
  }
}

function parse(source: string) {
  const listener = new CollectingListener();
  // One listener on the lexer and the parser: bad string escapes are lexer errors.
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  return { unit: parser.compilationUnit(), errors: listener.errors };
}

/** Every syntax error in a class file, as `line:column message`; empty when it parses. */
export function apexSyntaxErrors(source: string): string[] {
  return parse(source).errors;
}

export interface ApexClassShape {
  name: string;
  global: boolean;
  /** `webService static` methods, the ones runApex can call, with their parameter names in order. */
  webServiceMethods: { name: string; params: string[] }[];
}

const words = (modifiers: ModifierContext[]) => modifiers.map((m) => m.getText().toLowerCase());

/** The top-level class of a file: its name, whether it is global, its webService methods. */
export function apexClassShape(source: string): ApexClassShape {
  const { unit, errors } = parse(source);
  if (errors.length > 0) throw new Error(`Apex does not parse: ${errors.join('; ')}`);
  const type = unit.typeDeclaration();
  const declaration = type?.classDeclaration();
  if (!declaration) throw new Error('No top-level class.');
  const members: ClassBodyDeclarationContext[] = declaration.classBody()?.classBodyDeclaration_list() ?? [];
  const webServiceMethods = members.flatMap((member) => {
    const method = member.memberDeclaration()?.methodDeclaration();
    const modifiers = words(member.modifier_list());
    if (!method || !modifiers.includes('webservice') || !modifiers.includes('static')) return [];
    const params = method.formalParameters()?.formalParameterList()?.formalParameter_list() ?? [];
    return [{ name: method.id().getText(), params: params.map((p) => p.id().getText()) }];
  });
  return { name: declaration.id().getText(), global: words(type.modifier_list()).includes('global'), webServiceMethods };
}
