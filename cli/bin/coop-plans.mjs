#!/usr/bin/env node
// The `coop-plans` command: runs cli/src/main.ts through tsx (no build step).
import { register } from "tsx/esm/api";

register();
const { runAsProcess } = await import("../src/main.ts");
runAsProcess(process.argv);
