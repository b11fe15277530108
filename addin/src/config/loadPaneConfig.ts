import { PANE_CONFIG_FILE, parsePaneConfig, type PaneConfigResult } from "@coop-plans/shared/api";

/** The part of fetch the loader uses (`globalThis.fetch` fits). */
export type ConfigFetch = (url: string, init: { headers: Record<string, string>; cache: "no-store" }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

/**
 * Reads `config.json` next to the page (`baseUrl`: the page's URL) with the injected fetch.
 * - 404, or 403 (what S3 behind CloudFront answers for a missing key), or an HTML page (a dev
 *   server's fallback): no configuration, i.e. local mode (dev token + API URL fields);
 * - a network failure: also local mode, since the page itself came from the same server a moment ago
 *   (a pane opened offline still validates);
 * - any other answer is parsed; a malformed file yields a Spanish message for the pane to show.
 */
export async function loadPaneConfig(fetchImpl: ConfigFetch, baseUrl: string): Promise<PaneConfigResult> {
  const url = new URL(PANE_CONFIG_FILE, baseUrl).toString();
  let response: Awaited<ReturnType<ConfigFetch>>;
  try {
    response = await fetchImpl(url, { headers: { accept: "application/json" }, cache: "no-store" });
  } catch {
    return { ok: true, config: null };
  }
  if (response.status === 404 || response.status === 403) return { ok: true, config: null };
  if (response.status < 200 || response.status >= 300) {
    return { ok: false, message: `No se pudo leer la configuración del panel (${PANE_CONFIG_FILE}, HTTP ${response.status}). Cierre y vuelva a abrir el panel; si se repite, avise al administrador del sistema.` };
  }
  if ((response.headers.get("content-type") ?? "").includes("text/html")) return { ok: true, config: null };
  return parsePaneConfig(await response.text());
}
