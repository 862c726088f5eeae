import ts from 'typescript'

/**
 * Finds string literals that name a status or an action of a transition table where the code
 * means one: the literal's text is in one of the `lists`, and the type it is checked against is a
 * union of string literals holding at least `MIN_NAMES` names of one list. That type is the
 * literal's contextual type (an argument, a property, a return value, an array element) or, for
 * `===`/`!==` and `case`, the type of the value it is compared with. Plain strings that happen to
 * be spelled the same (`req.on('close')`, a form mode 'new' | 'edit', a tone named 'closed') have
 * no such type and pass.
 */
export interface StateLiteral {
  file: string
  line: number
  text: string
}

const MIN_NAMES = 3
const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken
])

/** The string-literal members of a type (through unions, and a type parameter's constraint). */
function literalMembers(checker: ts.TypeChecker, type: ts.Type): string[] {
  const base = type.flags & ts.TypeFlags.TypeParameter ? (checker.getBaseConstraintOfType(type) ?? type) : type
  const parts = base.isUnion() ? base.types : [base]
  return parts.filter((t): t is ts.StringLiteralType => t.isStringLiteral()).map((t) => t.value)
}

/** The type a literal is held to: what it is compared with, or what its place expects. */
function typeContext(checker: ts.TypeChecker, node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): ts.Type | undefined {
  let expr: ts.Node = node
  while (ts.isParenthesizedExpression(expr.parent)) expr = expr.parent
  const parent = expr.parent
  if (ts.isBinaryExpression(parent) && COMPARISONS.has(parent.operatorToken.kind)) {
    return checker.getTypeAtLocation(parent.left === expr ? parent.right : parent.left)
  }
  if (ts.isCaseClause(parent) && parent.expression === expr) {
    return checker.getTypeAtLocation(parent.parent.parent.expression)
  }
  return checker.getContextualType(node)
}

const inTypePosition = (node: ts.Node): boolean => {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isTypeNode(n)) return true
    if (ts.isStatement(n) || ts.isSourceFile(n)) return false
  }
  return false
}

export function findStateLiterals(program: ts.Program, lists: readonly (readonly string[])[], include: (fileName: string) => boolean): StateLiteral[] {
  const checker = program.getTypeChecker()
  const names = new Set(lists.flat())
  const found: StateLiteral[] = []
  for (const source of program.getSourceFiles()) {
    if (source.isDeclarationFile || !include(source.fileName)) continue
    const visit = (node: ts.Node): void => {
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && names.has(node.text) && !inTypePosition(node)) {
        const type = typeContext(checker, node)
        const members = type ? new Set(literalMembers(checker, type)) : new Set<string>()
        const isStateType = lists.some((list) => list.includes(node.text) && list.filter((n) => members.has(n)).length >= MIN_NAMES)
        if (isStateType) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source))
          found.push({ file: source.fileName, line: line + 1, text: node.text })
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return found
}

/**
 * A program over sources held in memory (the self-test), with the real default library; given the
 * project's options, an in-memory file beside the real ones imports them as the app would.
 */
export function inMemoryProgram(
  files: Record<string, string>,
  options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2020, lib: ['lib.es2020.d.ts'], types: [] }
): ts.Program {
  const host = ts.createCompilerHost(options)
  const read = host.getSourceFile.bind(host)
  host.getSourceFile = (name, version, onError) =>
    name in files ? ts.createSourceFile(name, files[name]!, version, true) : read(name, version, onError)
  host.fileExists = ((exists) => (name: string) => name in files || exists(name))(host.fileExists.bind(host))
  return ts.createProgram(Object.keys(files), options, host)
}
