import { rows } from "@tieup/core";
import { describe, expect, it } from "vitest";
import { noControls } from "../src/engine/controls.js";
import { EngineService } from "../src/engine/service.js";
import { carryHeadline, type GoodReply, withHeadline } from "../src/state/headline.js";
import { diskFiles } from "./disk.js";

describe("the Overview's headline, computed beside the results in a worker of its own", () => {
  const service = new EngineService();
  const req = (id: number, rate: number) => ({ id, with: [], vs: null, controls: { ...noControls(), tariffs: { "jp-auto-15": rate } }, headline: true });
  const good = (r: ReturnType<EngineService["run"]>): GoodReply => {
    if (!r.ok) throw new Error("run failed");
    return r;
  };
  const first = good(service.run({ ...req(1, 0.15), source: diskFiles() }));
  const h1 = service.headline(req(1, 0.15));
  const second = good(service.run(req(2, 0.2)));
  const h2 = service.headline(req(2, 0.2));

  it("joins the results to the headline of the same request, whichever arrives first", () => {
    const joined = withHeadline(second, h2);
    expect(joined.snapshot.headline).toEqual(h2?.headline);
    expect(joined.snapshot.results).toBe(second.snapshot.results);
    // The headline's whole-company profit is the results' own figure: the chart drawn from the results needs no wait.
    const whole = rows(h2?.profit as never).map((r) => r.wholeCompany);
    expect(whole).toEqual(rows(second.snapshot.results.companies).map((r) => r.companyOperatingProfit));
  });

  it("keeps the last headline on new results until theirs arrives, and drops it when theirs fails", () => {
    const shown = carryHeadline(second, withHeadline(first, h1));
    expect(shown.snapshot.results).toBe(second.snapshot.results);
    expect(shown.snapshot.headline).toEqual(h1?.headline);
    expect(withHeadline(shown, undefined).snapshot.headline).toBeUndefined();
    expect(withHeadline(shown, undefined).snapshot.bridge).toBeUndefined();
    expect(carryHeadline(second, undefined)).toBe(second);
  });
});
