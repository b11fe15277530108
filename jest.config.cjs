// One jest project per package; tests live under tests/<package>/ mirroring the source tree.
const swc = ['@swc/jest', { jsc: { target: 'es2022', transform: { react: { runtime: 'automatic' } } } }];
const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/tests/setup/env.cjs'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/fixtures/'],
  // Not a speed check (those are benchmarks under bench/): room for a loaded machine, where the
  // first workbook read or write of a file also loads exceljs (shared/xlsx loads it on first use).
  testTimeout: 20_000,
};
// jose 6 is ESM only: the projects that load it (functions, cli, e2e) let swc turn it into CommonJS like our own code.
const esmDeps = { transformIgnorePatterns: ['/node_modules/(?!jose/)'] };
const fs = require('node:fs');
const path = require('node:path');
const projects = [
    { ...base, displayName: 'shared', roots: ['<rootDir>/tests/shared'] },
    { ...base, ...esmDeps, displayName: 'cli', roots: ['<rootDir>/tests/cli'] },
    {
      ...base,
      ...esmDeps,
      displayName: 'functions',
      roots: ['<rootDir>/tests/functions'],
      globalSetup: '<rootDir>/tests/setup/dynamodbLocal.setup.ts',
      globalTeardown: '<rootDir>/tests/setup/dynamodbLocal.teardown.ts',
    },
    {
      ...base,
      displayName: 'addin',
      roots: ['<rootDir>/tests/addin'],
      setupFiles: ['<rootDir>/tests/setup/env.cjs', '<rootDir>/tests/setup/dom.cjs'],
      moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js' },
    },
    { ...base, displayName: 'infra', roots: ['<rootDir>/tests/infra'] },
    { ...base, displayName: 'layering', roots: ['<rootDir>/tests/layering'] },
    { ...base, ...esmDeps, displayName: 'e2e', roots: ['<rootDir>/tests/e2e'] },
];
// A project whose tests folder does not exist yet is left out (jest refuses missing roots).
module.exports = {
  // Jest 30 reads testTimeout from the global config only (the projects' copy above is ignored):
  // runs still timed out at 5 s on a loaded machine.
  testTimeout: 20_000,
  projects: projects.filter((p) => p.roots.every((r) => fs.existsSync(r.replace('<rootDir>', __dirname)))),
};
