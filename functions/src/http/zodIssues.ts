import type * as z from "zod";

/** Dot path of an issue (`plan.investmentLines.3.total`), or the given root when the issue is about the whole value. */
export function issuePath(issue: z.core.$ZodIssue, root: string): string {
  return issue.path.length === 0 ? root : issue.path.map(String).join(".");
}

const TYPE_NAMES: Record<string, string> = {
  string: "texto", number: "un número", int: "un número entero", boolean: "verdadero o falso", object: "un objeto",
  array: "una lista", null: "vacío (null)", undefined: "ausente", bigint: "un número", date: "una fecha", nan: "NaN",
};

function typeName(type: string | undefined): string {
  return (type && TYPE_NAMES[type]) ?? type ?? "otro tipo";
}

/** Spanish text of what went wrong (without the field name). */
function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type": {
      // zod 4 leaves the input out of issues; its English message names what it received.
      const received = /received (\w+)/.exec(issue.message)?.[1];
      if (received === undefined || received === "undefined") return "es obligatorio y falta";
      return `debe ser ${typeName(issue.expected)}, pero se recibió ${typeName(received)}`;
    }
    case "too_small":
      return issue.origin === "string"
        ? `debe tener al menos ${String(issue.minimum)} caracteres`
        : issue.origin === "array"
          ? `debe tener al menos ${String(issue.minimum)} elementos`
          : `debe ser mayor o igual a ${String(issue.minimum)}`;
    case "too_big":
      return issue.origin === "string"
        ? `admite hasta ${String(issue.maximum)} caracteres`
        : issue.origin === "array"
          ? `admite hasta ${String(issue.maximum)} elementos`
          : `debe ser menor o igual a ${String(issue.maximum)}`;
    case "invalid_value":
      return `debe ser uno de: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      return issue.format === "date"
        ? "debe ser una fecha AAAA-MM-DD"
        : issue.format === "email"
          ? "debe ser un correo electrónico"
          : `no tiene el formato esperado (${issue.format})`;
    case "unrecognized_keys":
      return `tiene campos desconocidos: ${issue.keys.join(", ")}`;
    case "not_multiple_of":
      return `debe ser múltiplo de ${String(issue.divisor)}`;
    case "invalid_union":
      return "no tiene ninguna de las formas aceptadas";
    default:
      return "no es válido";
  }
}

/** True when a message looks like one we wrote (Spanish, from a schema's `error`) rather than zod's English default. */
function isOwnMessage(message: string): boolean {
  return /[áéíóúñ¿¡]|^(Escriba|El |La |Los |Las |RUT|Correo|Código|Identificador)/.test(message);
}

/**
 * A Spanish detail and the field of the first issue of a failed parse:
 * `{ field: "baseVersion", detail: "El campo «baseVersion» debe ser un número entero, pero se recibió texto." }`.
 * Up to two more issues are appended, so the user fixes several at once.
 */
export function describeIssues(error: z.ZodError, root = "body"): { field: string; detail: string } {
  const sentences = error.issues.slice(0, 3).map((issue) => {
    const field = issuePath(issue, root);
    const what = isOwnMessage(issue.message) ? issue.message : `${describe(issue)}.`;
    return `El campo «${field}»: ${what}`.replace(/\.\.$/, ".");
  });
  const more = error.issues.length > 3 ? ` (y ${error.issues.length - 3} problema(s) más)` : "";
  return { field: issuePath(error.issues[0], root), detail: sentences.join(" ") + more };
}
