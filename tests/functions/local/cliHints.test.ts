import { localCliCommandLines, shellWord } from "../../../functions/local/cliHints";

describe("local mode's CLI command lines (issue 14 item 11)", () => {
  it("carry the API port and data folder in use, ready to paste", () => {
    expect(localCliCommandLines("http://127.0.0.1:4100", "/tmp/datos-coop", "14", "aos.losrios@demo.coop-plans.cl")).toEqual([
      "COOP_PLANS_API=http://127.0.0.1:4100 COOP_PLANS_DATA_DIR=/tmp/datos-coop npx coop-plans login --dev --role aos --region 14 --email aos.losrios@demo.coop-plans.cl",
      "COOP_PLANS_API=http://127.0.0.1:4100 COOP_PLANS_DATA_DIR=/tmp/datos-coop npx coop-plans status --region 14",
    ]);
  });

  it("quote a folder the shell would split or expand", () => {
    expect(shellWord("/home/ana/Mis datos")).toBe("'/home/ana/Mis datos'");
    expect(shellWord("/tmp/it's")).toBe("'/tmp/it'\\''s'");
    expect(shellWord("/tmp/$HOME")).toBe("'/tmp/$HOME'");
    expect(localCliCommandLines("http://127.0.0.1:4000", "/home/ana/Mis datos", "14", "a@b.cl")[1]).toBe(
      "COOP_PLANS_API=http://127.0.0.1:4000 COOP_PLANS_DATA_DIR='/home/ana/Mis datos' npx coop-plans status --region 14",
    );
  });
});
