// Fuzz projects: `fuzz` on in-memory PGlite, and `fuzz:postgres` when DATABASE_URL is set
// (each run gets a fresh database of its own there). jest.config.js passes its node project
// factory so the transforms are the API tests' own.
module.exports = (nodeProject) => {
  const projects = [nodeProject('fuzz', ['test/fuzz'], { setupFiles: ['<rootDir>/test/helpers/use-pglite.ts'] })]
  if (process.env.DATABASE_URL) {
    projects.push(nodeProject('fuzz:postgres', ['test/fuzz'], { setupFiles: ['<rootDir>/test/helpers/use-postgres.ts'] }))
  }
  return projects
}
