/**
 * Entra ID sign-in through Office SSO, seen from the UI: a plain callback that returns an access
 * token for the add-in's own API (the implementation, over `Office.auth`, is in
 * addin/src/excel/officeSso.ts) and the Spanish messages of its failures. Pure.
 */

/** Returns an access token for the API (Office caches and renews it: ask before every request). */
export type SsoTokenProvider = () => Promise<string>;

/** Spanish message, with what to do, for each documented SSO error code. */
export const SSO_MESSAGES: Record<number, string> = {
  13000: "Esta versión de Office no permite iniciar sesión con Microsoft desde un complemento. Actualice Office o use Excel en la web.",
  13001: "No hay una cuenta iniciada en Office. Inicie sesión en Office (arriba a la derecha) con su cuenta de trabajo y vuelva a pulsar «Iniciar sesión con Microsoft».",
  13002: "Se canceló el inicio de sesión o el consentimiento. Vuelva a pulsar «Iniciar sesión con Microsoft» y acepte los permisos que pide.",
  13003: "La cuenta con que inició sesión en Office no es una cuenta de trabajo o escuela de Microsoft. Inicie sesión en Office con la cuenta de su organización.",
  13004: "El complemento está mal configurado para el inicio de sesión (recurso del manifiesto). Avise al administrador del sistema.",
  13005: "Falta el consentimiento para el complemento. Vuelva a intentarlo y acepte los permisos; si su organización lo exige, pida al administrador que dé el consentimiento.",
  13006: "Office tuvo un problema al iniciar sesión. Cierre sesión en Office, vuelva a iniciarla y reinicie Excel.",
  13007: "Office no pudo obtener el acceso para el complemento. Vuelva a intentarlo; si se repite, avise al administrador (registro de la aplicación en Entra ID).",
  13008: "Ya hay un inicio de sesión en curso. Espere a que termine y vuelva a intentarlo.",
  13010: "Su navegador impide el inicio de sesión (zonas de seguridad distintas). Abra Excel en la web en otro navegador, o agregue los sitios de Office a la misma zona.",
  13012: "Este Excel no admite el inicio de sesión único (SSO) para complementos. Use Excel en la web o una versión de Microsoft 365 actualizada.",
  13013: "Se pidió iniciar sesión demasiadas veces seguidas. Espere un momento y vuelva a intentarlo.",
  50001: "Office no pudo iniciar sesión en este momento. Cierre y vuelva a abrir el panel e inténtelo de nuevo.",
};

/** The message outside Office (the preview page): SSO exists only inside Excel. */
export const SSO_NEEDS_EXCEL = "El inicio de sesión con Microsoft (SSO de Office) solo funciona dentro de Excel. Abra el panel desde Excel (Inicio → Plan Cooperativo).";

/** A failed SSO sign-in: `code` as Office reported it, `message` in Spanish. */
export class SsoError extends Error {
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
    this.name = "SsoError";
  }
}

/** The Spanish message for an SSO error code (a generic one with the code for others). */
export function ssoMessage(code: number | undefined): string {
  if (code !== undefined && SSO_MESSAGES[code]) return SSO_MESSAGES[code];
  return `No se pudo iniciar sesión con Microsoft${code !== undefined ? ` (código ${code})` : ""}. Vuelva a intentarlo; si se repite, avise al equipo de soporte.`;
}

/** Turns whatever `getAccessToken` rejected with (`{ code, message }`) into an `SsoError`. */
export function ssoErrorOf(error: unknown): SsoError {
  if (error instanceof SsoError) return error;
  const raw = (error as { code?: unknown } | null)?.code;
  const code = typeof raw === "number" ? raw : typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : undefined;
  return new SsoError(ssoMessage(code), code);
}
