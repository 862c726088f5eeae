// Runs miniprogram-ci offline on dist/weapp and prints one JSON line: compiled file sizes and the
// code-quality scan. A process of its own: the CI compiler leaves a file watcher and a compiler
// child process behind, which would keep a jest worker alive; process.exit ends them.
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const ci = require('miniprogram-ci')

const dist = path.resolve(__dirname, '../../../dist/weapp')

async function main() {
  // Never read offline (getCompiledResult, checkCodeQuality), but the Project wants a non-empty key file.
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-ci-'))
  const privateKeyPath = path.join(keyDir, 'private.key')
  fs.writeFileSync(privateKeyPath, 'offline-dummy-key')
  const project = new ci.Project({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath: dist,
    privateKeyPath,
    ignores: ['node_modules/**/*'],
    // Offline: do not ask WeChat's server for the project's attributes.
    attr: async () => ci.DefaultProjectAttr
  })
  const compiled = await ci.getCompiledResult({
    project,
    desc: 'offline check',
    setting: { es6: false, minifyWXML: true },
    onProgressUpdate: () => undefined
  })
  const files = Object.fromEntries(Object.entries(compiled).map(([f, c]) => [f, Buffer.byteLength(c)]))
  const quality = await ci.checkCodeQuality(project)
  fs.rmSync(keyDir, { recursive: true, force: true })
  return { files, quality }
}

main().then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`)
    process.exit(0)
  },
  (e) => {
    process.stderr.write(`${e && e.stack ? e.stack : e}\n`)
    process.exit(1)
  }
)
