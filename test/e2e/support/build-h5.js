const { buildIfStale } = require('../../../scripts/build-if-stale')

module.exports = async function buildH5() {
  buildIfStale('h5', { quiet: true, log: (line) => process.stdout.write(`\n[e2e] ${line}\n`) })
}
