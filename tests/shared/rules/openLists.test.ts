import { PACK_2025, labelLookup, lookUpLabel, matchOpenList, type OpenList } from "@coop-plans/shared/rules";
import { matchChoice } from "@coop-plans/shared/workbook";

// One lookup for the workbook's list cells (matchChoice) and the open lists' rules (matchOpenList).

const roles: OpenList = {
  values: ["presidente/a", "tesorero/a"],
  // An alias listed under another spelling of its label.
  aliases: { "Presidente/A": ["Presidenta"], "tesorero/a": ["Tesorera"] },
  source: "rules.md",
  confirmed: true,
};

describe("labelLookup", () => {
  test("labels and aliases by key; an alias listed under another spelling of its label names that label", () => {
    const lookup = labelLookup(roles, roles.values, roles.aliases);
    expect(lookUpLabel("PRESIDENTA", lookup)).toBe("presidente/a");
    expect(lookUpLabel("tesorera", lookup)).toBe("tesorero/a");
    expect(lookUpLabel("  ", lookup)).toBeUndefined();
    expect(lookUpLabel("secretaria", lookup)).toBeUndefined();
  });

  test("the workbook's list cell and the rules read an open list alike (before, the cell missed «Presidenta» here)", () => {
    const choice = { options: roles.values, aliases: roles.aliases, openList: "memberRoles" as const };
    for (const text of ["Presidenta", "presidente/a", "Tesorera", "Vicepresidenta"]) {
      expect(matchChoice(text, choice)).toBe(matchOpenList(text, roles));
    }
    expect(matchChoice("Presidenta", choice)).toBe("presidente/a");
  });

  test("the 2025 pack's lists: the rules' matches unchanged (a leading «cooperativa» ignored only by the rules)", () => {
    const { memberRoles, cooperativeTypes } = PACK_2025.enumerations;
    expect(matchOpenList("Vicepresidenta", memberRoles)).toBe(matchChoice("Vicepresidenta", { options: memberRoles.values, aliases: memberRoles.aliases }));
    const type = cooperativeTypes.values[0];
    expect(matchOpenList(`Cooperativa ${type}`, cooperativeTypes)).toBe(type);
  });
});
