// Run by databaseUnavailable.test.ts with tsx, outside jest: inside jest's sandbox, Node's own
// errors come from another realm and the SDK wraps ECONNREFUSED into a plain Error without its code.
// Argument: a DynamoDB endpoint nothing listens on. Prints the handler's answer as one JSON line.
import "./quietLogs";
import { buildPath, ROUTES } from "@coop-plans/shared/api";
import { createPlansHandler } from "../../../functions/src/handlers/plans";
import { createStore } from "../../../functions/src/store/store";
import { apiEvent, gestorClaims } from "./events";
import { fakeValidate } from "./plans";

const [endpoint] = process.argv.slice(2);
const store = createStore({ tableName: "coop-plans", endpoint, timeouts: { connectionMs: 200, requestMs: 300, maxAttempts: 2 } });
const handler = createPlansHandler(() => ({ store, validate: fakeValidate, now: () => new Date() }));
const params = { id: "0f8fad5b-d9cb-469f-a165-70867728950e" };
const route = ROUTES.getPlan;
const started = Date.now();
void handler(apiEvent({ routeKey: route.routeKey, rawPath: buildPath(route.path, params), pathParameters: params, claims: gestorClaims("ana@coop.cl") }))
  .then((result) => console.log(JSON.stringify({ status: result.statusCode, headers: result.headers, body: JSON.parse(result.body ?? "null"), ms: Date.now() - started })));
