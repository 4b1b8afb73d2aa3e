import { describe, expect, it } from "vitest";
import { extract } from "../src/index.js";
import { dictionary } from "./corpus.js";

// Invented sentences for the metrics an automaker's results or tariff article carries that the
// lexicon lacked before batch 4 of the real set (test/real-set), and the two naming rules they need.
const dict = dictionary();
const metrics = (text: string) =>
  extract(text, { source: "a", name: "a.txt", dictionary: dict, published: "2025-08-07" }).claims.map((c) => [c.value, c.unit, c.metric]);

describe("the metrics of a results article beyond profit and sales", () => {
  it("reads impairments and write-downs apart from other one-off charges", () => {
    expect(metrics("Nissan booked impairment charges of ¥50 billion on its plants.")).toEqual([[50e9, "JPY", "impairment"]]);
    expect(metrics("Renault took a €9.3 billion write-down on its partner.")).toEqual([[9.3e9, "EUR", "impairment"]]);
    expect(metrics("Stellantis booked net charges of €3.3 billion for restructuring.")).toEqual([[3.3e9, "EUR", "one-off-costs"]]);
  });

  it("reads the cost of raw materials as its own cost, not the tariff named beside it", () => {
    expect(metrics("Tariffs will cost Subaru ¥210 billion, and higher steel prices a further ¥40 billion.")).toEqual([
      [210e9, "JPY", "tariff-impact"],
      [40e9, "JPY", "material-cost-impact"],
    ]);
  });

  it("reads a dividend per share as a dividend, not earnings per share", () => {
    expect(metrics("Honda will pay a year-end dividend of ¥35 per share.")).toEqual([[35, "JPY", "dividend"]]);
  });

  it("reads buybacks, R&D spending, EBITDA, cash, debt and warranty costs", () => {
    expect(metrics("Subaru plans a share buyback of up to ¥50 billion.")).toEqual([[50e9, "JPY", "share-buyback"]]);
    expect(metrics("Its R&D spending of ¥1.3 trillion was a record.")).toEqual([[1.3e12, "JPY", "rd-spending"]]);
    expect(metrics("Adjusted EBITDA came to €4.1 billion.")).toEqual([[4.1e9, "EUR", "ebitda"]]);
    expect(metrics("The group ended June with liquidity of €47 billion.")).toEqual([[47e9, "EUR", "cash-position"]]);
    expect(metrics("Hyundai Capital issued $1 billion of bonds.")).toEqual([[1e9, "USD", "debt"]]);
    expect(metrics("Ford's warranty costs rose to $1.4 billion.")).toEqual([[1.4e9, "USD", "warranty-cost"]]);
  });

  it("reads a price increase per vehicle in money, and a price rise in percent as a change of the average price", () => {
    expect(metrics("Mazda plans a price increase of about $700 per vehicle.")).toEqual([[700, "USD", "price-increase"]]);
    expect(metrics("Subaru raised its vehicle prices by 2.5% in May.")).toEqual([[2.5, "%", "average-price-change"]]);
  });

  it("reads market share, the share built locally and the share of hybrids, and a share 'made up' is no change", () => {
    expect(metrics("Kia's market share in the US reached 5.9%.")).toEqual([[5.9, "%", "market-share"]]);
    expect(metrics("GM builds about 70% of the vehicles it sells in the United States.")).toEqual([[70, "%", "local-production-share"]]);
    expect(metrics("Hybrids made up 45% of Toyota's sales in the quarter.")).toEqual([[45, "%", "hybrid-share"]]);
  });

  it("keeps a share metric out of changes: 'EV sales rose 20%' is of sales, not the hybrid share", () => {
    expect(metrics("Honda's EV sales rose 20% in the quarter.")[0]?.[2]).not.toBe("hybrid-share-change");
  });

  it("reads job cuts given as a share of the workforce", () => {
    expect(metrics("The company will lay off 9% of its workforce.")).toEqual([[9, "%", "job-cuts"]]);
  });

  it("reads recalled vehicles, inventory, orders and a break-even volume as their own counts", () => {
    expect(metrics("Ford recalled more than 500,000 SUVs.")).toEqual([[500000, "vehicles", "recall-volume"]]);
    expect(metrics("Dealer inventory stood at 480,000 vehicles at the end of June.")).toEqual([[480000, "vehicles", "inventory"]]);
    expect(metrics("Kia has a backlog of 60,000 vehicles for the EV3.")).toEqual([[60000, "vehicles", "orders"]]);
    expect(metrics("Nissan wants to lower its break-even point to 2.5 million vehicles.")).toEqual([[2.5e6, "vehicles", "break-even-volume"]]);
  });

  it("lets the longer of two names the figure is 'of' win: capital spending, not spending", () => {
    expect(metrics("Ford plans capital spending of $9 billion this year.")).toEqual([[9e9, "USD", "capex"]]);
  });
  it("reads a percentage change of a market's or a channel's sales as a change of the volume, a bare 'sales' as revenue", () => {
    expect(metrics("Hyundai's U.S. retail sales rose 12.7% from a year earlier.")).toEqual([[12.7, "%", "sales-volume-change"]]);
    expect(metrics("Kia increased U.S. sales by 5 per cent in the quarter.")).toEqual([[5, "%", "sales-volume-change"]]);
    expect(metrics("Mazda said sales in China fell 18% in the half.")).toEqual([[-18, "%", "sales-volume-change"]]);
    expect(metrics("Kia said its sales rose 5% to 29.3 trillion won.")[0]).toEqual([5, "%", "revenue-change"]);
  });
});
