import path from 'node:path'
import ts from 'typescript'
import { CASE_ACTIONS, CASE_STATUSES } from '../../domain/case/state-machine'
import { MESSAGE_ACTIONS, MESSAGE_STATUSES } from '../../domain/message/state-machine'
import { DRAFT_ACTIONS, DRAFT_STATUSES } from '../../domain/draft/state-machine'
import { BOARD_ACTIONS, BOARD_STATUSES } from '../../domain/board/state-machine'
import { findStateLiterals, inMemoryProgram } from './support/state-literals'

// Issue 6 §1: the transition tables say everything about a transition, and server, app and tests
// read them; no status or action literal outside domain/ except in tests. This type-checks the
// project once (one Program over src/ and server/; about 27 s on the shared 2-core machine, most of it type-checking) and
// lists every literal that names a status or action where a status or action type is expected.
// Migrations are frozen in time and must spell their values, so they are not checked.
const LISTS = [MESSAGE_STATUSES, MESSAGE_ACTIONS, CASE_STATUSES, CASE_ACTIONS, DRAFT_STATUSES, DRAFT_ACTIONS, BOARD_STATUSES, BOARD_ACTIONS]
const root = path.join(__dirname, '../..')
const checked = (fileName: string) => {
  const rel = path.relative(root, fileName).split(path.sep).join('/')
  return (rel.startsWith('src/') || rel.startsWith('server/')) && !rel.startsWith('server/db/migrations/')
}

function projectConfig(): ts.ParsedCommandLine {
  const configPath = path.join(root, 'tsconfig.json')
  const config = ts.readConfigFile(configPath, ts.sys.readFile)
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'))
  return ts.parseJsonConfigFileContent(config.config, ts.sys, root)
}

function projectProgram(): ts.Program {
  const parsed = projectConfig()
  // Only the checked files as roots: what they import (domain/, types/) comes in by itself.
  return ts.createProgram({ rootNames: parsed.fileNames.filter(checked), options: parsed.options })
}

test('no status or action literal outside domain/ (tests and migrations aside)', () => {
  const offenders = findStateLiterals(projectProgram(), LISTS, checked).map((o) => `${path.relative(root, o.file)}:${o.line} '${o.text}'`)
  if (offenders.length) console.log(`Status or action literals outside domain/ (ask the table, or name the meaning in domain/):\n${offenders.join('\n')}`)
  expect(offenders).toEqual([])
}, 120000)

describe('the check itself', () => {
  const source = `
    type Status = 'new' | 'accepted' | 'closed' | 'archived'
    type Mode = 'new' | 'edit'
    declare function act(status: Status): void
    declare function on(event: string, f: () => void): void
    declare const status: Status
    declare const mode: Mode
    declare const text: string
    act('closed')
    const wanted: { status: Status } = { status: 'archived' }
    if (status === 'accepted') act(status)
    switch (status) { case 'new': break }
    const list: Status[] = ['closed']
    on('close', () => {})
    const tone: string = 'closed'
    if (mode === 'new') on(text, () => {})
    if (text === 'accepted') on(text, () => {})
    export { wanted, list, tone }
  `
  const program = inMemoryProgram({ '/virtual/sample.ts': source })
  const lineOf = (needle: string) => source.split('\n').findIndex((l) => l.includes(needle)) + 1
  const found = findStateLiterals(program, [['new', 'accepted', 'closed', 'archived']], (f) => f === '/virtual/sample.ts')

  test('flags literals typed as a status: argument, property, comparison, case, array element', () => {
    expect(found.map((f) => f.line).sort((a, b) => a - b)).toEqual(
      ["act('closed')", "status: 'archived'", "status === 'accepted'", "case 'new'", "['closed']"].map(lineOf).sort((a, b) => a - b)
    )
  })

  test('ignores the same words where no status type is expected', () => {
    const flagged = new Set(found.map((f) => f.line))
    for (const needle of ["on('close'", "tone: string = 'closed'", "mode === 'new'", "text === 'accepted'"]) expect(flagged.has(lineOf(needle))).toBe(false)
  })
})

describe('what the API answers is typed by the tables', () => {
  // An item's allowedActions was string[]: the app's `allowedActions.includes('reply')` then named
  // no action type, so this check could not see it. Typed as the tables' actions, it does.
  const file = path.join(root, 'src/staff/__allowed-actions-probe__.ts')
  const source = `
    import type { ItemDetail } from '../../domain/schemas/item'
    declare const detail: ItemDetail
    export const canReply = detail.allowedActions.includes('reply')
    // @ts-expect-error not an action of either table
    export const bogus: ItemDetail['allowedActions'][number] = 'no_such_action'
  `
  const program = inMemoryProgram({ [file]: source }, { ...projectConfig().options, noEmit: true })

  test('ItemDetail.allowedActions holds the tables’ actions, so a literal in it is flagged', () => {
    expect(findStateLiterals(program, LISTS, (f) => f === file).map((f) => f.text)).toEqual(['reply'])
  })

  test('and a word that is no action does not type-check', () => {
    const errors = ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    expect(errors).toEqual([])
  })
})
