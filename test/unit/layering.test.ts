import fs from 'node:fs'
import path from 'node:path'

// DESIGN: routes call services; services and repositories throw domain errors (domain/errors.ts),
// and only the error handler knows about HTTP statuses. This holds the layers to it.
const root = path.join(__dirname, '../../server')
const layers = ['repositories', 'services', 'views']
const filesOf = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesOf(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []))

const FORBIDDEN = [
  { what: 'HTTP errors', pattern: /from '\.\.\/http\/errors'/ },
  { what: 'Fastify', pattern: /from 'fastify'/ }
]

test.each(layers)('server/%s neither throws HTTP errors nor knows Fastify', (layer) => {
  const offenders = filesOf(path.join(root, layer)).flatMap((file) =>
    FORBIDDEN.filter(({ pattern }) => pattern.test(fs.readFileSync(file, 'utf8'))).map(({ what }) => `${path.relative(root, file)} imports ${what}`)
  )
  expect(offenders).toEqual([])
})

test('the check sees an offender when there is one', () => {
  expect(FORBIDDEN[0]!.pattern.test("import { badRequest } from '../http/errors'")).toBe(true)
})
