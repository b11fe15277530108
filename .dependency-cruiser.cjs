/**
 * The layering of DESIGN.md, enforced: run by `npm test` (`npm run layering`) over the source tree,
 * and by tests/layering on deliberately bad fixtures to prove each rule bites.
 * Paths are relative to the repository root (or to the fixture root given as baseDir).
 */
const CORE = "^shared/(?!xlsx/)";
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment: "The core (shared/ but xlsx/) imports no adapter: no exceljs, Office.js, AWS SDK, React, Fluent, Powertools, jose or CLI libraries.",
      severity: "error",
      from: { path: CORE },
      to: { path: "node_modules/(exceljs|@e965/xlsx|@aws-sdk|@aws-lambda-powertools|react|react-dom|@fluentui|@microsoft/office-js|office-addin-mock|jose|commander|cli-progress|aws-cdk-lib)/" },
    },
    {
      name: "core-no-node-builtins",
      comment: "The core runs in Excel, Lambda and Node: no node:* modules.",
      severity: "error",
      from: { path: CORE },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "only-xlsx-imports-exceljs",
      comment: "Only shared/xlsx imports the workbook libraries (exceljs writes, @e965/xlsx reads); bench/ keeps the old ExcelJS reader to compare.",
      severity: "error",
      from: { pathNot: "^(shared/xlsx/|bench/)" },
      to: { path: "node_modules/(exceljs|@e965/xlsx)/" },
    },
    {
      name: "only-store-imports-aws-sdk",
      comment: "Only the AWS adapters import the AWS SDK (@aws-sdk, and @smithy, its runtime): functions/src/store (DynamoDB) and functions/src/directory (the Cognito user pool); also functions/local, tests, benchmarks.",
      severity: "error",
      from: { pathNot: "^(functions/src/store/|functions/src/directory/|functions/local/|tests/|bench/)" },
      to: { path: "node_modules/(@aws-sdk|@smithy)/" },
    },
    {
      name: "only-excel-adapter-imports-office",
      comment: "Only addin/src/excel touches Office.js (imports of office-js packages; global use is checked by tests/layering).",
      severity: "error",
      from: { pathNot: "^(addin/src/excel/|tests/)" },
      to: { path: "node_modules/(@microsoft/office-js|office-addin-mock)/" },
    },
    {
      name: "shared-imports-no-workspace",
      comment: "The core package depends on no other workspace.",
      severity: "error",
      from: { path: "^shared/" },
      to: { path: "^(functions|addin|cli|infra)/" },
    },
    {
      name: "addin-no-backend",
      comment: "The task pane talks to the backend through shared/api only.",
      severity: "error",
      from: { path: "^addin/" },
      to: { path: "^(functions|cli|infra)/" },
    },
    {
      name: "use-cases-no-http",
      comment: "The application layer (functions/src plans, cooperatives, consolidation, auth, rulePacks) takes typed commands: no HTTP (functions/src/http, handlers, API Gateway types, the router) and no AWS adapter (functions/src/store, functions/src/directory): it talks to the store and user directory ports.",
      severity: "error",
      from: { path: "^functions/src/(plans|cooperatives|consolidation|auth|rulePacks)/" },
      to: { path: "^(functions/src/(http|handlers|store|directory)/|node_modules/(@types/aws-lambda|@aws-lambda-powertools/event-handler)/)" },
    },
    {
      name: "workspaces-meet-at-entry-points",
      comment: "A workspace reaches another only by package name, through that package's exports map (@coop-plans/functions/local, @coop-plans/shared/api…), never by a relative path into its folders.",
      severity: "error",
      from: { path: "^(shared|functions|addin|cli|infra)/" },
      to: { path: "^(shared|functions|addin|cli|infra)/", pathNot: "^$1/", dependencyTypesNot: ["aliased-workspace"] },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|cdk\\.out)/|^tests/fixtures/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
    combinedDependencies: true,
  },
};
