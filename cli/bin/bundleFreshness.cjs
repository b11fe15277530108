// Whether the esbuild bundle of the CLI (cli/dist/, made by cli/scripts/bundle.mjs) may be run.
// CommonJS so that the bin (ESM), the start-up bench and jest can all load it as it is.
const { readFileSync, statSync } = require("node:fs");
const path = require("node:path");

/**
 * True when `<root>/cli/dist/main.mjs` exists and no source file listed in
 * `<root>/cli/dist/inputs.json` (paths relative to `root`) is newer than it; false when the
 * bundle or its list is missing, a listed source was removed or renamed, or one was edited since
 * the bundle was built (then the bin runs the TypeScript sources through tsx instead).
 * @param {string} root the repository root
 * @returns {boolean}
 */
function bundleIsFresh(root) {
  const dist = path.join(root, "cli", "dist");
  try {
    const built = statSync(path.join(dist, "main.mjs")).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(path.join(dist, "inputs.json"), "utf8"));
    if (!Array.isArray(inputs) || inputs.length === 0) return false;
    return inputs.every((file) => statSync(path.join(root, file)).mtimeMs <= built);
  } catch {
    return false;
  }
}

module.exports = { bundleIsFresh };
