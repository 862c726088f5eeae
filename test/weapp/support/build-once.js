// jest globalSetup: builds dist/weapp once when it is missing or older than its sources
// (the shared rule in scripts/build-if-stale.js, also used by `npm start` and the e2e set-up).
const { buildIfStale } = require('../../../scripts/build-if-stale')

module.exports = async function buildWeapp() {
  buildIfStale('weapp', { quiet: true, log: (line) => process.stdout.write(`\n[weapp] ${line}\n`) })
}
