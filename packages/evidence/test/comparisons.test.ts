import { describe, expect, it } from "vitest";
import { extract, timeline } from "../src/index.js";
import { dictionary, claimsOf as run } from "./corpus.js";

// Invented sentences, each in the pattern of a kind of error the real-article set (test/real-set) showed.
const dict = dictionary();
const row = (c: { text: string; metric?: string; period?: string; role?: string; basis?: string }) => [c.text, c.metric, c.period, c.role, c.basis];

describe("what a figure is compared with", () => {
  it("gives the level a change started from last year's period and the changed metric", () => {
    const claims = run(
      "Kia said on Friday its operating profit fell 10 percent to 2.7 trillion won in the second quarter from 3.0 trillion won, while sales rose 5 percent.",
      "2025-07-25",
    );
    expect(claims.map(row)).toEqual([
      ["10 percent", "operating-profit-change", "Q2 FY2025", "change", "actual"],
      ["2.7 trillion won", "operating-profit", "Q2 FY2025", "level", "actual"],
      // Not the revenue the next clause names, and not this year's quarter.
      ["3.0 trillion won", "operating-profit", "Q2 FY2024", "level", "actual"],
      ["5 percent", "revenue-change", "Q2 FY2025", "change", "actual"],
    ]);
  });

  it("files analysts' estimates under the figure they estimate, on a consensus basis", () => {
    const claims = run(
      "Honda said its operating profit was ¥240 billion for the April-June quarter, short of analysts' forecast of ¥300 billion. " +
        "It compared with a ¥200 billion consensus in an LSEG poll.",
      "2025-08-06",
    );
    expect(claims.map(row)).toEqual([
      ["¥240 billion", "operating-profit", "Q1 FY2025", "level", "actual"],
      ["¥300 billion", "operating-profit", "Q1 FY2025", "level", "consensus"],
      ["¥200 billion", "operating-profit", "Q1 FY2025", "level", "consensus"],
    ]);
  });

  it("does not take the estimate a result beat as the result's own basis", () => {
    const [eps, est] = run("GM said on Tuesday its second-quarter adjusted earnings of $2.50 per share beat analyst expectations of $2.40.", "2025-07-22");
    expect([eps?.metric, eps?.basis, est?.metric, est?.basis]).toEqual(["earnings-per-share", "actual", "earnings-per-share", "consensus"]);
  });

  it("reads 'the prior guidance for' and 'a company forecast for' as earlier values", () => {
    const claims = run("Honda now sees ¥600 billion in operating profit, against the prior guidance for ¥400 billion.", "2025-08-06");
    expect(claims.map((c) => c.role)).toEqual(["revised", "previous"]);
  });
});

describe("periods checked against tense", () => {
  it("gives a forecast after a results sentence the running fiscal year, not the half that ended", () => {
    const claims = run("Volkswagen's tariff costs were €1 billion in the first half. The group now expects a margin of 4-5%.", "2025-07-25");
    expect(claims.map((c) => c.period)).toEqual(["H1 FY2025", "FY2025"]);
  });

  it("takes a reported quarter not yet begun this year as last year's", () => {
    // In May 2025 Toyota's fourth quarter of FY2025 (January-March 2026) has not begun: the result is of Q4 FY2024.
    const [c] = run("Toyota's Japan business posted a 12% rise in fourth-quarter profit.", "2025-05-08");
    expect([c?.period, c?.basis]).toEqual(["Q4 FY2024", "actual"]);
  });

  it("does not date a figure by the months that bound its period", () => {
    const [c] = run("Nissan posted an operating loss of ¥80 billion for the quarter from April to June.", "2025-07-30");
    expect([c?.period, c?.asOf]).toEqual(["Q1 FY2025", "2025-07-30"]);
  });
});

describe("metrics named around the figure", () => {
  it("reads 'X in operating profit' after 'Y in revenue' as operating profit", () => {
    const claims = run("Hyundai posted 40 trillion won in revenue and 3 trillion won in operating profit in the second quarter.", "2025-07-24");
    expect(claims.map((c) => c.metric)).toEqual(["revenue", "operating-profit"]);
  });

  it("reads a hit named after the figure as an impact of the cause, and a later bare hit as the text's last impact", () => {
    const claims = run(
      "Mazda expects a ¥100 billion ($680 million) hit to its operating profit this business year from US tariffs.\n\n" +
        "Without countermeasures it would face a 200-billion-yen operating profit hit.",
      "2025-08-05",
    );
    expect(claims.map((c) => [c.metric, c.basis])).toEqual([
      ["tariff-impact", "forecast"],
      ["tariff-impact", "forecast gross"],
    ]);
  });

  it("reads the level a fall reached, with no change figure, as the metric that fell", () => {
    const [c] = run("Volkswagen's net profit fell by about a third year-on-year to €2.3 billion, while operating profit dropped.", "2025-07-25");
    expect(c?.metric).toBe("net-profit");
  });

  it("signs a percentage a forecast was lowered by, and calls a total before an offset gross", () => {
    const [cut] = run("Honda lowered its operating profit forecast for the year through March 2026 by 20 per cent.", "2025-11-07");
    expect([cut?.value, cut?.metric, cut?.basis]).toEqual([-20, "operating-profit-change", "forecast"]);
    const [total, offset] = run(
      "Ford expects its total tariff impact to be about $2 billion this year but believes it can offset about $1 billion.",
      "2025-05-06",
    );
    expect([total?.basis, offset?.metric]).toEqual(["forecast gross", "tariff-mitigation"]);
  });
});

describe("figures in the forms of real articles", () => {
  it("reads 'pc', 'tanks', sites, 'vehicle sales reached' and a count's move, and not a rank", () => {
    const head = run("Kia's net profit tanks 20.5 pc on US tariffs", "2025-07-25")[0];
    expect([head?.value, head?.unit, head?.metric]).toEqual([-20.5, "%", "net-profit-change"]);
    const nissan = run("Nissan will cut its manufacturing sites to 10 from 17 and stop producing cars at two domestic sites.", "2025-07-30");
    expect(nissan.map((c) => [c.value, c.from, c.unit, c.metric])).toEqual([
      [10, 17, "plants", "plant-count"],
      [2, undefined, "plants", "plant-closures"],
    ]);
    const gm = run("GM's vehicle sales reached 970,000 in the second quarter, and Chevrolet holds the No. 2 position in EVs.", "2025-07-22");
    expect(gm.map((c) => [c.value, c.unit])).toEqual([[970000, "vehicles"]]);
  });
});

describe("markets, bounds and conversions on the timeline", () => {
  it("keeps a regional figure apart from the company's total", () => {
    const claims = run(
      "Kia's global sales rose 2.5 percent. In the United States, sales rose 4.1 percent, and North America shipments fell 25%.",
      "2025-07-25",
    );
    expect(claims.map((c) => c.segment)).toEqual([undefined, "us", "north-america"]);
  });

  it("does not flag two reports that agree once bounds and conversions are read", () => {
    // Two sources on one day: "more than 780 billion won ($566 million)" and "786 billion won ($570 million)".
    const a = extract("Kia said the tariff hit exceeded 780 billion won ($566 million) in the second quarter. Kia: a $566 million tariff hit.", {
      source: "a",
      name: "a.txt",
      dictionary: dict,
      published: "2025-07-25",
    }).claims;
    const b = extract(
      "Kia said on Friday that it suffered a hit of 786 billion won ($570 million) from U.S. tariffs in the second quarter. Kia: a $570 million tariff hit.",
      {
        source: "b",
        name: "b.txt",
        dictionary: dict,
        published: "2025-07-25",
      },
    ).claims;
    expect([...a, ...b].map((c) => [c.value, c.unit, c.qualifier, c.metric])).toEqual([
      [780e9, "KRW", "more than", "tariff-impact"],
      [566e6, "USD", undefined, "tariff-impact"],
      [786e9, "KRW", undefined, "tariff-impact"],
      [570e6, "USD", undefined, "tariff-impact"],
    ]);
    expect(timeline([...a, ...b]).filter((e) => e.conflictsWith)).toEqual([]);
    // A bound the other value breaks is still a conflict: "more than 790 billion won" against 786 billion won.
    const c = a.map((x) => (x.unit === "KRW" ? { ...x, value: 790e9 } : x));
    expect(timeline([...c, ...b]).filter((e) => e.conflictsWith).length).toBeGreaterThan(0);
  });
});

describe("more forms of results articles", () => {
  it("reads shipments, a count's change with 'by', the same change as a percentage, and the same period last year", () => {
    const claims = run(
      "Stellantis said revenue was €70 billion in the 1st half of the year, down from €80 billion in the same period last year. " +
        "In Europe, shipments for the first half fell by 40,000 units, or 5%.",
      "2025-07-21",
    );
    expect(claims.map((c) => [c.value, c.metric, c.period])).toEqual([
      [70e9, "revenue", "H1 FY2025"],
      [80e9, "revenue", "H1 FY2024"],
      [-40000, "sales-volume-change", "H1 FY2025"],
      [-5, "sales-volume-change", "H1 FY2025"],
    ]);
  });

  it("reads charges and a bare loss, and a period that ends 'through September' or 'ended June 30' is not a date", () => {
    const [charges, loss] = run("Stellantis booked €3 billion in pre-tax net charges and expects a €2 billion loss in the first half.", "2025-07-21");
    expect([charges?.metric, loss?.metric]).toEqual(["one-off-costs", "net-loss"]);
    const [h1] = run("Nissan forecasts an operating loss of 180 billion yen for the first half through September.", "2025-07-30");
    expect([h1?.period, h1?.asOf, h1?.basis]).toEqual(["H1 FY2025", "2025-07-30", "forecast"]);
    const [q] = run("Volkswagen reported an operating profit of 3.8 billion euros in the quarter ended June 30, down 29% on the previous year.", "2025-07-25");
    expect([q?.period, q?.asOf]).toEqual(["Q2 FY2025", "2025-07-25"]);
  });

  it("reads 'the second quarter of this year', and a quarter named after 'since' is not the figure's", () => {
    const [cut, hit] = run(
      "Kia posted record revenue in the second quarter of this year, but operating profit plunged 24 percent. The tariffs cost 780 billion won, its worst quarter since the fourth quarter of 2022.",
      "2025-07-25",
    );
    expect([cut?.period, hit?.period]).toEqual(["Q2 FY2025", "Q2 FY2025"]);
  });

  it("gives the company named in an aside no figures, and opening figures to the company named next", () => {
    const [kia] = run("Kia, the world's No.3 automaker together with affiliate Hyundai Motor, said its operating profit slumped 24 per cent.", "2025-07-25");
    expect(kia?.subject).toBe("kia");
    const [lead] = run("Operating profit is forecast to slump 20 % to 3.8 trillion yen. Tariffs are estimated to cost Toyota 180 billion yen.", "2025-05-08");
    expect(lead?.subject).toBe("toyota");
  });

  it("reads a previously forecast rise as an earlier value of the change, and sales after unit sales as units", () => {
    const [rise] = run("Volkswagen expects sales to be flat, versus a previously forecast rise of up to 5%.", "2025-07-25");
    expect([rise?.metric, rise?.role, rise?.qualifier]).toEqual(["revenue-change", "previous", "up to"]);
    const claims = run("Kia sold 814,888 vehicles in the second quarter. In India, sales rose 9.5 percent.", "2025-07-25");
    expect(claims.map((c) => c.metric)).toEqual(["sales-volume", "sales-volume-change"]);
  });
});

describe("batch 3's error classes", () => {
  it("does not take another figure's currency word for a metric", () => {
    // "yen" inside "3.2 trillion yen" made the 6% an exchange-rate change.
    const [, pct] = run("Toyota now expects operating profit of 3.4 trillion yen, a 6% increase from its previous forecast of 3.2 trillion yen.", "2025-11-05");
    expect([pct?.metric, pct?.value]).toEqual(["operating-profit-change", 6]);
  });

  it("splits a money revision 'from X to Y' into the previous and the revised value", () => {
    const claims = run("Mitsubishi Motors lowered its net profit estimate from 40 billion yen to 10 billion yen.", "2025-08-27");
    expect(claims.map((c) => [c.value, c.role, c.metric])).toEqual([
      [40e9, "previous", "net-profit"],
      [10e9, "revised", "net-profit"],
    ]);
  });

  it("reads a passive revision, ordinary profit, free cash flow, a previous range and 'closed 2.7% higher'", () => {
    const [rev, prev] = run("Its ordinary profit estimate was lowered to 60 billion yen from 90 billion yen.", "2025-08-27");
    expect([rev?.metric, rev?.role, prev?.role]).toEqual(["ordinary-profit", "revised", "previous"]);
    const [fcf] = run("Ford expects adjusted free cash flow of $3.5 billion to $4.5 billion.", "2025-07-31");
    expect(fcf?.metric).toBe("free-cash-flow");
    const [, old] = run(
      "Ford now forecasts adjusted EBIT of $6.5 billion to $7.5 billion, down from the previous range of $7 billion to $8.5 billion.",
      "2025-07-31",
    );
    expect([old?.metric, old?.role]).toEqual(["adjusted-operating-profit", "previous"]);
    const [fell, closed] = run("Hyundai's shares in Seoul fell as much as 7.2% and later closed 2.7% higher.", "2025-10-30");
    expect([fell?.metric, closed?.metric]).toEqual(["share-price-change", "share-price-change"]);
  });

  it("dates the previous quarter a quarter back, and 'to end-March' is no date", () => {
    const [q3, q2] = run(
      "Hyundai said tariffs cost it 1.8 trillion won in the third quarter, compared to 828 billion won in the previous quarter.",
      "2025-10-30",
    );
    expect([q3?.period, q2?.period]).toEqual(["Q3 FY2025", "Q2 FY2025"]);
    const [fy] = run("Toyota now expects operating profit of 3.4 trillion yen for the financial year to end-March.", "2025-11-05");
    expect(fy?.asOf).toBe("2025-11-05");
  });
});

describe("batch 4's error classes", () => {
  it("reads 'the three months ended Sept. 30' as the quarter and a sentence opening 'A year earlier' as the year before's", () => {
    const claims = run(
      "For the three months ended Sept. 30, Ford earned $2.1 billion, or 52 cents per share. A year earlier it earned $0.9 billion.",
      "2025-10-24",
    );
    expect(claims.map((c) => [c.value, c.unit, c.metric, c.period])).toEqual([
      [2.1e9, "USD", "net-profit", "Q3 FY2025"],
      [0.52, "USD", "earnings-per-share", "Q3 FY2025"],
      [0.9e9, "USD", "net-profit", "Q3 FY2024"],
    ]);
  });

  it("reads 'the April-September period' as the first half of an April-start company's year", () => {
    const [c] = run("Mazda estimates a ¥40 billion operating loss for the April-September period.", "2025-10-31");
    expect(c?.period).toBe("H1 FY2025");
  });

  it("gives a result the quarter the text named, not the full-year outlook named last", () => {
    const claims = run(
      "Renault said its second-quarter profit fell 60 per cent, prompting it to lower its full-year outlook.\n\nNet profit for the period was €1.9 billion, below the €2.5 billion analysts had expected.",
      "2025-07-17",
    );
    expect(claims.slice(1).map((c) => [c.metric, c.period, c.basis])).toEqual([
      ["net-profit", "Q2 FY2025", "actual"],
      ["net-profit", "Q2 FY2025", "consensus"],
    ]);
  });

  it("reads 'Bloomberg's estimate of', 'expectations of' and 'versus X expected' as analysts' figures of the result before them", () => {
    const claims = run(
      "GM reported revenue of $48.6 billion, beating Bloomberg's estimate of $45.3 billion. Adjusted EPS came in at $2.80, topping expectations of $2.31, with adjusted EBIT of $3.4 billion versus $2.7 billion expected.",
      "2025-10-21",
    );
    expect(claims.map((c) => [c.value, c.metric, c.basis === "consensus"])).toEqual([
      [48.6e9, "revenue", false],
      [45.3e9, "revenue", true],
      [2.8, "earnings-per-share", false],
      [2.31, "earnings-per-share", true],
      [3.4e9, "adjusted-operating-profit", false],
      [2.7e9, "adjusted-operating-profit", true],
    ]);
  });

  it("reads cents as dollars, '$8 billion-plus' as more than, and a model's 'F-150' as no figure", () => {
    const claims = run("Ford's adjusted EPS was 45 cents. It would have guided to adjusted EBIT of $8 billion-plus. F-150 output was hit.", "2025-10-24");
    expect(claims.map((c) => [c.value, c.unit, c.qualifier])).toEqual([
      [0.45, "USD", undefined],
      [8e9, "USD", "more than"],
    ]);
  });

  it("reads 'halved … to above €2.5bn', 'narrowed … to 5%-6% from 5%-7%' and a previous range of the revised one's year", () => {
    const [fcf] = run("BMW halved its expectations for free cash flow this year to above €2.5bn.", "2025-10-08");
    expect([fcf?.role, fcf?.qualifier]).toEqual(["revised", "more than"]);
    const [rev, prev] = run("BMW narrowed its 2025 margin forecast to 5%-6% from 5%-7%.", "2025-10-08");
    expect([rev?.role, rev?.period, prev?.role, prev?.period]).toEqual(["revised", "FY2025", "previous", "FY2025"]);
    const [, old] = run("BMW cut its 2025 return on capital employed forecast to 8% to 10%, down from 9% to 13% in 2024.", "2025-10-08");
    expect([old?.metric, old?.period]).toEqual(["return-on-capital", "FY2024"]);
  });

  it("dates 'signed Friday' in a Tuesday's report to the Friday before, and 'the most in two months' to nothing", () => {
    const [rate] = run("Trump signed Friday a 25% import tax on heavy trucks.", "2025-10-21");
    expect([rate?.metric, rate?.asOf]).toEqual(["tariff-rate", "2025-10-17"]);
    const [loss] = run("Mazda shares fell the most in two months after it forecast a ¥50 billion operating loss.", "2025-10-31");
    expect(loss?.asOf).toBe("2025-10-31");
  });

  it("reads a bare loss after an operating loss as one, and 'its previous forecast that it would lose' as the earlier value", () => {
    const claims = run(
      "Nissan forecast a ¥275 billion operating loss this year.\n\nIt estimates a ¥30 billion loss for the April-September period, better than its previous forecast that it would lose ¥180 billion.",
      "2025-10-31",
    );
    expect(claims.map((c) => [c.metric, c.period, c.role])).toEqual([
      ["operating-loss", "FY2025", "level"],
      ["operating-loss", "H1 FY2025", "revised"],
      ["operating-loss", "H1 FY2025", "previous"],
    ]);
  });

  it("reads an addition of jobs and a production increase 'by' as rises, and a hit to write down assets as an impairment", () => {
    const claims = run("Ford will add 1,000 jobs and increase F-Series truck production by more than 50,000 units in 2026.", "2025-10-24");
    expect(claims.map((c) => [c.value, c.metric, c.role])).toEqual([
      [1000, "headcount-change", "change"],
      [50000, "production-change", "change"],
    ]);
    const [hit, tariff] = run(
      "Results came despite a $1.6 billion hit to write down EV investments and $1.1 billion in tariff costs in the third quarter.",
      "2025-10-21",
    );
    expect([hit?.metric, tariff?.metric]).toEqual(["impairment", "tariff-impact"]);
  });

  it("reads 'shares rocketed up' as a share price, 'investors' as no investment, and neither a moment's price nor a day's two moves conflict", () => {
    const [up] = run("GM shares rocketed up more than 15 percent as investors cheered.", "2025-10-21");
    expect(up?.metric).toBe("share-price-change");
    const a = extract("Ford shares fell about 1% in extended trading.", { source: "a", name: "a.txt", dictionary: dict, published: "2025-10-24" }).claims;
    const b = extract("Ford shares rose 3% in premarket trading.", { source: "b", name: "b.txt", dictionary: dict, published: "2025-10-24" }).claims;
    expect(a[0]?.metric).toBe("share-price-change");
    expect(timeline([...a, ...b]).map((e) => e.status)).toEqual(["current", "current"]);
  });

  it("reads sales by volume, adjusted cash flow and a payout ratio as what they are", () => {
    const [vol] = run("Volvo's sales by volume fell 12 per cent in the United States.", "2025-07-17");
    expect(vol?.metric).toBe("sales-volume-change");
    const [cash] = run("Ford expects adjusted cash flow of between $2bn and $3bn.", "2025-10-24");
    expect(cash?.metric).toBe("free-cash-flow");
    const [ratio] = run("BMW keeps its dividend payout ratio at 30% to 40% of net income.", "2025-10-08");
    expect(ratio?.metric).toBe("dividend-payout-ratio");
  });
});
