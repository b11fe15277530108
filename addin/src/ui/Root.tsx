import type { ReactNode } from "react";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** Fluent provider following the Office theme (dark or light), in Spanish (es-CL). */
export function Root({ dark, children }: { dark: boolean; children: ReactNode }) {
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang="es-CL" style={{ minHeight: "100vh" }}>
      {children}
    </FluentProvider>
  );
}
