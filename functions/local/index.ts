/**
 * `@coop-plans/functions/local`: what other workspaces (the CLI, benchmarks) need from local mode
 * without starting it: the local API's address, where local mode keeps its state (`.data/`, the
 * dev signing key) and the Node fetch for the typed API client. Dev tokens are a separate entry
 * (`@coop-plans/functions/local/dev-tokens`) so that only `login --dev` loads jose.
 */
export { LOCAL_API_BASE, LOCAL_API_HOST, LOCAL_API_PORT } from "./address";
export { dataDir, devKeyPath, repoRoot } from "./paths";
export { nodeFetch } from "./nodeFetch";
