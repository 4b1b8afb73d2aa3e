import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv } from "@tieup/core";
import { describe, expect, it } from "vitest";
import { buildRegistry, parseAmount, timeline } from "../src/index.js";
import { DATA } from "./corpus.js";

const rows = (name: string) => parseCsv(readFileSync(join(DATA, name), "utf8"), name).rows;

describe("the registry", () => {
  it("reads a consensus basis and a market segment, and keeps a regional figure apart from the total", () => {
    const src = [
      { id: "s1", title: "T", publisher: "P", url: "u", published: "2025-07-25" },
      { id: "s2", title: "T", publisher: "P", url: "u", published: "2025-07-25" },
    ];
    const base = { unit: "%", as_of: "2025-07-25", subject: "kia", metric: "sales-volume-change", period: "Q2 FY2025", basis: "actual" };
    const { registry, issues } = buildRegistry(src, [
      { ...base, id: "global", source: "s1", value: "2.5" },
      { ...base, id: "us", source: "s2", value: "4.1", segment: "us" },
      { ...base, id: "poll", source: "s2", value: "3", basis: "consensus" },
    ]);
    expect(issues).toEqual([]);
    expect(registry.claims.get("us")?.segment).toBe("us");
    // Different values from two sources on one day, but of different markets and bases: no conflict.
    expect(timeline(registry.claims.values()).some((e) => e.conflictsWith)).toBe(false);
  });

  it("reads amounts as the registry writes them", () => {
    // 650 × 10^9; 1,213.4 × 10^9; a plain count; a negative
    expect(parseAmount("650 billion")).toBe(650e9);
    expect(parseAmount("1,213.4 billion")).toBeCloseTo(1213.4e9);
    expect(parseAmount("20000")).toBe(20000);
    expect(parseAmount("-1.5")).toBe(-1.5);
    expect(parseAmount("12 zillion")).toBeUndefined();
    expect(parseAmount("n/a")).toBeUndefined();
  });

  it("reads a claim's role and basis, and names a role or basis it does not know", () => {
    const src = [{ id: "s", title: "T", publisher: "P", url: "u", published: "2025-08-07" }];
    const base = { unit: "JPY", as_of: "2025-08-07", source: "s", subject: "toyota", metric: "operating-profit", period: "FY2025" };
    const { registry, issues } = buildRegistry(src, [
      { ...base, id: "new", value: "3.2 trillion", role: "revised", basis: "forecast" },
      { ...base, id: "old", value: "3.8 trillion", role: "previous", basis: "forecast" },
      { ...base, id: "bad", value: "1", role: "guess", basis: "forecast" },
      { ...base, id: "worse", value: "1", basis: "hopeful" },
    ]);
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ["claims.csv: row 4.role", "unknown role `guess`"],
      ["claims.csv: row 5.basis", "unknown basis `hopeful`"],
    ]);
    expect([registry.claims.get("new")?.role, registry.claims.get("new")?.basis]).toEqual(["revised", "forecast"]);
    // Same day, same source: the previous value is superseded by the revised one, not in conflict with it.
    expect(timeline(registry.claims.values()).map((e) => [e.claim.id, e.status])).toEqual([
      ["old", "superseded"],
      ["new", "current"],
    ]);
  });

  it("names the file, row and column of each bad cell", () => {
    const { issues } = buildRegistry(
      [
        { id: "s", title: "T", publisher: "P", url: "u", published: "2025-05-13" },
        { id: "s", title: "T", publisher: "P", url: "u", published: "May 2025" },
      ],
      [
        { id: "a", value: "650 billion", unit: "JPY", as_of: "2025-05-13", source: "s" },
        { id: "b", value: "lots", unit: "JPY", as_of: "2025-05-13", source: "s" },
        { id: "c", value: "1", unit: "JPY", as_of: "13/05/2025", source: "s" },
        { id: "d", value: "1", unit: "JPY", as_of: "2025-05-13", source: "nowhere" },
        { id: "a", value: "1", unit: "JPY", as_of: "2025-05-13", source: "s" },
      ],
    );
    expect(issues.map((i) => i.path)).toEqual([
      "sources.csv: row 3.id",
      "claims.csv: row 3.value",
      "claims.csv: row 4.as_of",
      "claims.csv: row 5.source",
      "claims.csv: row 6.id",
    ]);
  });

  it("loads the shipped registry without a problem, every claim traced to a data/facts row", () => {
    const { registry, issues } = buildRegistry(rows("sources.csv"), rows("claims.csv"));
    expect(issues).toEqual([]);
    expect(registry.claims.size).toBeGreaterThan(15);
    const facts = new Map<string, Set<string>>();
    for (const c of rows("claims.csv")) {
      const [file, id] = (c.fact ?? "").split("#");
      expect(file).toMatch(/^data\/facts\/\w+\.csv$/);
      if (!facts.has(file as string))
        facts.set(file as string, new Set(parseCsv(readFileSync(join(DATA, "../..", file as string), "utf8"), "f").rows.map((r) => r.id ?? "")));
      expect(facts.get(file as string)?.has(id as string), `${c.id} cites ${c.fact}`).toBe(true);
    }
  });

  it("has real revisions on its timeline: Honda's yen assumption, Nissan's tariff estimate", () => {
    const { registry } = buildRegistry(rows("sources.csv"), rows("claims.csv"));
    const t = timeline(registry.claims.values());
    const status = (id: string) => t.find((e) => e.claim.id === id);
    expect(status("honda-fx-assumption-2025-05")?.supersededBy).toBe("honda-fx-assumption-2025-11");
    expect(status("nissan-tariff-impact-2025-05")?.supersededBy).toBe("nissan-tariff-impact-2025-07");
    expect(status("japan-auto-tariff-2025-09")?.status).toBe("current");
  });
});
