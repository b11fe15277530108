import type { Finding } from "../domain";
import { cellOf, isFieldMissing } from "./locate";
import { findingOf, type Rule } from "./rule";

const RES_001 = { id: "RES-001", severity: "warning" } as const;

/**
 * RES-001 (W): hito 4 results: each indicator has baseline (Línea base), goal (Meta) and, once
 * hito 4 is Realizado, its result. One finding per missing cell; none for a required column the
 * parser did not find (PARSE-004).
 */
export const RES_001_RULE: Rule = {
  ...RES_001,
  statement: "Hito 4 results: each indicator has baseline, goal and (once hito 4 is done) result.",
  check: ({ plan }) => {
    const hito4Done = plan.milestones.some((m) => m.milestone === 4 && m.status === "Realizado");
    const checkBaseline = !isFieldMissing(plan, "results", "baseline");
    const checkTarget = !isFieldMissing(plan, "results", "target");
    return plan.results.flatMap((r, i) => {
      const out: Finding[] = [];
      const name = `El indicador N° ${r.number ?? i + 1}${r.indicator ? ` («${r.indicator}»)` : ""}`;
      if (checkBaseline && r.baseline === null) out.push(findingOf(RES_001, `${name} no tiene línea base.`, cellOf(plan, "results", r, "baseline", i)));
      if (checkTarget && r.target === null) out.push(findingOf(RES_001, `${name} no tiene meta.`, cellOf(plan, "results", r, "target", i)));
      if (hito4Done && r.result === null) {
        out.push(findingOf(RES_001, `${name} no tiene resultado, y el hito 4 ya está Realizado.`, cellOf(plan, "results", r, "result", i)));
      }
      return out;
    });
  },
};

/** The result rules. */
export const RESULT_RULES: Rule[] = [RES_001_RULE];
