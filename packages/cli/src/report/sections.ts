import { type Cell, type HeadlineFigure, cellNumber as n, type Results, rows } from "@tieup/core";
import { money, moneyUnit, percent, thousands } from "./format.js";

/** A titled table of a report, rendered as text or Markdown. */
export interface Section {
  title: string;
  note?: string;
  headers: string[];
  body: Cell[][];
}

/** Per company and period: volume, contribution, fixed cost, operating profit and duties; deal columns when deals move money. */
export function companySection(r: Results, periods: string[]): Section[] {
  const all = rows(r.companies).filter((x) => periods.includes(String(x.period)));
  const currencies = [...new Set(all.map((x) => String(x.currency)))];
  const deals = all.some((x) => n(x.transferIn) !== 0 || n(x.transferOut) !== 0 || n(x.dealCosts) !== 0 || n(x.equityIncome) !== 0);
  return currencies.map((cur) => ({
    title: `Operating profit and duties by company (${moneyUnit(cur)})`,
    note: `Modelled scope: the programs and plants in the scenario, not the whole company.${deals ? " Transfers: contract-manufacturing and supply payments received less paid; profit = op. profit + equity income." : ""}`,
    headers: [
      "company",
      "period",
      "units (k)",
      "revenue",
      ...(deals ? ["transfers"] : []),
      "contribution",
      "fixed cost",
      ...(deals ? ["deal costs"] : []),
      "op. profit",
      ...(deals ? ["equity income", "profit"] : []),
      "vehicle duty",
      "parts duty",
      "offset",
      "net duty",
    ],
    body: all
      .filter((x) => x.currency === cur)
      .map((x) => [
        String(x.company),
        String(x.period),
        thousands(n(x.units)),
        money(n(x.revenue), cur),
        ...(deals ? [money(n(x.netTransfers), cur)] : []),
        money(n(x.contribution), cur),
        money(n(x.fixedCost), cur),
        ...(deals ? [money(n(x.dealCosts), cur)] : []),
        money(n(x.operatingProfit), cur),
        ...(deals ? [money(n(x.equityIncome), cur), money(n(x.profit), cur)] : []),
        money(n(x.vehicleDuty), cur),
        money(n(x.partsDuty), cur),
        money(-n(x.offset), cur),
        money(n(x.netDuty), cur),
      ]),
  }));
}

/** Duties by measure, one column per measure, per company and period (offsets negative). */
export function dutySection(r: Results, periods: string[]): Section[] {
  const all = rows(r.companyDuties).filter((x) => periods.includes(String(x.period)));
  const kindOrder = ["vehicle", "parts", "offset"];
  const ordered = [...all].sort(
    (a, b) =>
      kindOrder.indexOf(String(a.kind)) - kindOrder.indexOf(String(b.kind)) || r.measures.indexOf(String(a.measure)) - r.measures.indexOf(String(b.measure)),
  );
  const measures = [...new Set(ordered.map((x) => `${x.measure}${x.kind === "parts" ? " (parts)" : ""}`))];
  const currencies = [...new Set(all.map((x) => String(x.currency)))];
  return currencies.map((cur) => {
    const byKey = new Map<string, Map<string, number>>();
    for (const x of all.filter((y) => y.currency === cur)) {
      const k = `${x.company}\u0000${x.period}`;
      if (!byKey.has(k)) byKey.set(k, new Map());
      const m = `${x.measure}${x.kind === "parts" ? " (parts)" : ""}`;
      const row = byKey.get(k) as Map<string, number>;
      row.set(m, (row.get(m) ?? 0) + n(x.amount));
    }
    const body = [...byKey].map(([k, m]) => {
      const [company, period] = k.split("\u0000");
      const total = [...m.values()].reduce((a, b) => a + b, 0);
      return [company ?? "", period ?? "", ...measures.map((ms) => (m.has(ms) ? money(m.get(ms) ?? 0, cur) : "–")), money(total, cur)];
    });
    return { title: `Duties by measure (${moneyUnit(cur)}; offsets negative)`, headers: ["company", "period", ...measures, "total"], body };
  });
}

/** Utilisation per plant and period against its break-even (computed, and reported where a source gives one). */
export function plantSection(r: Results, periods: string[], breakEvenPeriod: string): Section {
  const all = rows(r.plants);
  const plants = [...new Set(all.map((x) => String(x.plant)))];
  const at = (plant: string, period: string) => all.find((x) => x.plant === plant && x.period === period);
  const body = plants
    .filter((p) => periods.some((period) => n(at(p, period)?.capacity ?? 0) > 0 || n(at(p, period)?.output ?? 0) > 0))
    .map((p) => {
      const ref = at(p, breakEvenPeriod);
      return [
        p,
        String(ref?.owner ?? ""),
        String(ref?.country ?? ""),
        thousands(n(ref?.capacity ?? 0)),
        ...periods.map((period) => percent((at(p, period)?.utilisation as number | null) ?? null)),
        percent((ref?.breakEvenUtilisation as number | null) ?? null),
        percent((ref?.breakEvenReported as number | null) ?? null),
      ];
    });
  return {
    title: "Plants: utilisation against break-even",
    note: `Break-even = fixed cost ÷ (capacity × contribution per unit), shown for ${breakEvenPeriod}; "reported" where a source gives one; – where the plant earns no contribution.`,
    headers: ["plant", "owner", "country", `capacity (k/yr)`, ...periods, `break-even ${breakEvenPeriod}`, "reported"],
    body,
  };
}

export function headline(r: Results, period: string, figures: readonly HeadlineFigure[] = []): string[] {
  const lines: string[] = [];
  for (const x of rows(r.companies).filter((y) => y.period === period)) {
    const currency = String(x.currency);
    const amount = (v: number) => `${money(v, currency)} ${moneyUnit(currency)}`;
    const profit = `modelled operating profit ${period} ${amount(n(x.operatingProfit))}`;
    const [full, ...windows] = figures.map((f) => ({ f, impact: f.impacts.find((i) => i.company === x.company) }));
    if (!full?.impact) {
      lines.push(`${x.company}: ${period} net tariff cost ${amount(n(x.netDuty))}, ${profit}`);
      continue;
    }
    const parts = windows.filter((w) => w.impact).map((w) => `${w.f.label}: ${amount(w.impact?.net ?? 0)}`);
    lines.push(`${x.company}: tariff cost ${full.f.label} ${amount(full.impact.net)}${parts.length ? `, of which ${parts.join("; ")}` : ""}; ${profit}`);
  }
  return lines;
}
