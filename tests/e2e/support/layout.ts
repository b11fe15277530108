import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/**
 * Elements of the pane (`.preview-pane`) that stick out to its right (the first five, with their
 * width and text), and whether the page or the pane scrolls sideways.
 */
export async function overflowOf(page: Page): Promise<{ pageScrolls: boolean; paneScrolls: boolean; offenders: string[] }> {
  return page.evaluate(`(() => {
    const pane = document.querySelector(".preview-pane");
    const right = pane.getBoundingClientRect().right;
    const offenders = [...pane.querySelectorAll("*")]
      .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > right + 0.5)
      .slice(0, 5)
      .map((e) => e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.split(" ")[0] : "") + " " + Math.round(e.getBoundingClientRect().width) + "px: " + (e.textContent || "").slice(0, 40));
    return {
      pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      paneScrolls: pane.scrollWidth > pane.clientWidth,
      offenders,
    };
  })()`);
}

/** axe-core's serious and critical violations on the pane (WCAG 2.1 A/AA and best practice), as `rule (impact): target` lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(".preview-pane").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")}`));
}
