import { makeProblem, type Problem, type ProblemCode, type ProblemExtras } from "@coop-plans/shared/api";

/** An error that becomes an `application/problem+json` response; thrown anywhere below a handler. */
export class HttpProblem extends Error {
  readonly problem: Problem;

  constructor(code: ProblemCode, detail: string, extras: ProblemExtras = {}) {
    super(detail);
    this.name = "HttpProblem";
    this.problem = makeProblem(code, detail, extras);
  }
}
