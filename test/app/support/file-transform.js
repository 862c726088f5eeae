// Images imported by components (`import picture from './x.png'`) become their file name, as a
// bundler would turn them into a URL; tests can then check which picture a component shows.
const path = require('node:path')

module.exports = {
  process(_source, filename) {
    return { code: `module.exports = ${JSON.stringify(`/assets/${path.basename(filename)}`)};` }
  }
}
