/**
 * The sign-in's failures and their Spanish messages, apart from the client (cognito.ts) so that the
 * sign-in window's page (auth-dialog.html) loads them without oidc-client-ts. Pure.
 */

/** The kinds of failure the pane tells apart (each has a Spanish message). */
export type CognitoErrorKind =
  | "cancelled"
  | "dialogIgnored"
  | "popupBlocked"
  | "dialogAlreadyOpen"
  | "dialogUnavailable"
  | "dialogFailed"
  | "accessDenied"
  | "stateMismatch"
  | "sessionExpired"
  | "misconfigured"
  | "network"
  | "unexpected";

/** Spanish messages, with what to do, by kind. */
export const COGNITO_MESSAGES: Record<CognitoErrorKind, string> = {
  cancelled: "Se cerró la ventana de inicio de sesión antes de terminar. Vuelva a pulsar «Iniciar sesión» cuando quiera.",
  dialogIgnored: "Office no abrió la ventana de inicio de sesión porque se eligió ignorarla. Vuelva a pulsar «Iniciar sesión» y, cuando Office pregunte, elija «Permitir».",
  popupBlocked:
    "Su navegador bloqueó la ventana de inicio de sesión. Permita las ventanas emergentes para Excel en la web (en el icono de la barra de direcciones) o use otro navegador, y vuelva a pulsar «Iniciar sesión».",
  dialogAlreadyOpen: "Ya hay una ventana de inicio de sesión abierta. Termine de iniciar sesión en ella, o ciérrela y vuelva a pulsar «Iniciar sesión».",
  dialogUnavailable:
    "Este Excel no puede abrir la ventana de inicio de sesión (no tiene la API de diálogos de Office). Actualice Office, o use Excel en la web, y vuelva a intentarlo. Validar funciona sin sesión.",
  dialogFailed: "La ventana de inicio de sesión no pudo cargar su página. Revise su conexión a internet y vuelva a pulsar «Iniciar sesión»; si se repite, avise al administrador del sistema.",
  accessDenied: "El servicio de inicio de sesión no autorizó el ingreso. Vuelva a intentarlo; si se repite, pida al AOS (o al administrador) que revise su cuenta.",
  stateMismatch: "La respuesta del inicio de sesión no corresponde a esta ventana (quizá venía de un intento anterior). Vuelva a pulsar «Iniciar sesión».",
  sessionExpired: "Su sesión expiró. Vuelva a iniciar sesión.",
  misconfigured: "El inicio de sesión no está bien configurado en el servidor. Avise al administrador del sistema.",
  network: "No fue posible conectarse con el servicio de inicio de sesión. Revise su conexión a internet y vuelva a intentarlo.",
  unexpected: "El servicio de inicio de sesión respondió con un error inesperado. Vuelva a intentarlo en un momento; si se repite, avise al equipo de soporte.",
};

/** A failed sign-in step: `kind` for the pane, `detail` as the provider or Office sent it (English, for logs). */
export class CognitoError extends Error {
  constructor(
    readonly kind: CognitoErrorKind,
    readonly detail?: string,
  ) {
    super(COGNITO_MESSAGES[kind]);
    this.name = "CognitoError";
  }
}
