import { type Cell, type HeadlineFigure, cellNumber as n, type Results, rows, type Table } from "@tieup/core";
import { fixed, money, moneyUnit, percent, signedMoney, thousands } from "./format.js";

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
        String(ref?.owners ?? ref?.owner ?? ""),
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

/**
 * The lines a report leads with, per company: whole-company operating profit
 * in the focus period (the modelled scope labelled as such), the headline
 * tariff cost with its windows, and its effect on net income and EPS.
 */
export function headline(summary: Table, period: string, figures: readonly HeadlineFigure[] = [], fx?: Table): string[] {
  const lines: string[] = [];
  const windows = figures.filter((f) => f.from !== undefined);
  for (const x of rows(summary).filter((y) => y.period === period)) {
    const currency = String(x.currency);
    const amount = (v: number) => `${money(v, currency)} ${moneyUnit(currency)}`;
    const parts = [
      `modelled scope ${money(n(x.modelledScope), currency)}`,
      ...(n(x.costPrograms) !== 0 ? [`cost programmes ${money(n(x.costPrograms), currency)}`] : []),
      ...(n(x.otherPlanned) !== 0 ? [`other planned ${money(n(x.otherPlanned), currency)}`] : []),
      `rest of company ${money(n(x.restOfCompany), currency)}`,
    ];
    lines.push(`${x.company}: operating profit ${period} ${amount(n(x.wholeCompany))}, whole company (${parts.join(", ")})`);
    if (x.tariffNet !== null) {
      const inWindows = windows
        .map((w) => ({ w, i: w.impacts.find((i) => i.company === x.company) }))
        .filter((w) => w.i)
        .map((w) => `${w.w.label}: ${money(w.i?.net ?? 0, currency)}`);
      const eps = x.tariffEps === null ? "" : `, EPS ${signedNumber(n(x.tariffEps), 1)} ${currencySign(currency)}`;
      // The tariff cost's effect on net income, not the company's net income: said so, or a reader takes it for a forecast.
      const ni = x.tariffNetIncome === null ? "" : `; its effect on net income ${amount(n(x.tariffNetIncome))}${eps}`;
      lines.push(
        `  tariff cost ${period}: gross ${money(n(x.tariffGross), currency)}, offsets ${money(n(x.tariffOffsets), currency)}, net ${amount(n(x.tariffNet))}${inWindows.length ? ` (${inWindows.join("; ")})` : ""}${ni}`,
      );
      // Added back, all else as modelled: a ratio to last year's profit reads as nonsense when that profit is small (Nissan's ¥69.8bn).
      const whole = n(x.wholeCompany);
      lines.push(
        `  its effect on whole-company operating profit: ${signedMoney(-n(x.tariffNet), currency)} ${moneyUnit(currency)}, from ${money(whole + n(x.tariffNet), currency)} before the tariff cost to ${money(whole, currency)}`,
      );
    }
    // Each company's own currency: a won reporter's line is the won's 1%, not a yen move that touches nothing it books.
    const sens = fx ? rows(fx).find((r) => r.company === x.company && r.fxCurrency === currency && currency !== "USD") : undefined;
    if (sens)
      lines.push(
        `  ${weakerLabel(currency, String(sens.move))}: ${signedMoney(n(sens.wholeCompany), currency)} ${moneyUnit(currency)} (modelled scope ${signedMoney(n(sens.modelledScope), currency)})${sens.published === null ? "" : `; published ${signedMoney(n(sens.published), currency)}`}`,
      );
  }
  return lines;
}

/** Per company and period: the whole company's operating profit and its parts. */
export function wholeCompanySection(summary: Table, periods: string[]): Section[] {
  const all = rows(summary).filter((x) => periods.includes(String(x.period)));
  const currencies = [...new Set(all.map((x) => String(x.currency)))];
  return currencies.map((cur) => ({
    title: `Whole-company operating profit (${moneyUnit(cur)})`,
    note: "Whole company = modelled scope + cost programmes + other planned changes + rest of company; the rest of company is the reported base year less the scope, its dollar parts translated at each year's rate.",
    headers: ["company", "period", "modelled scope", "cost programmes", "other planned", "rest of company", "whole company"],
    body: all
      .filter((x) => x.currency === cur)
      .map((x) => [
        String(x.company),
        String(x.period),
        money(n(x.modelledScope), cur),
        money(n(x.costPrograms), cur),
        money(n(x.otherPlanned), cur),
        money(n(x.restOfCompany), cur),
        money(n(x.wholeCompany), cur),
      ]),
  }));
}

/** The operating-profit bridge as a table: one row per step, one column per company (companies of one currency together). */
export function bridgeSection(bridge: Table): Section[] {
  const all = rows(bridge);
  const currencies = [...new Set(all.map((x) => String(x.currency)))];
  return currencies.map((cur) => {
    const mine = all.filter((x) => x.currency === cur);
    const companies = [...new Set(mine.map((x) => String(x.company)))];
    const steps = [...new Set(mine.map((x) => String(x.step)))];
    const first = mine[0];
    return {
      title: `Operating-profit bridge, ${first?.from} to ${first?.to} (${moneyUnit(cur)})`,
      note: "Whole company, by factor: volume and mix at the earlier margins; price, costs and tariffs per unit on the later volume; exchange rates as the later year at the earlier rates against the later year. The factors add up to the change exactly.",
      headers: ["step", ...companies],
      body: steps.map((step) => [
        String(mine.find((x) => x.step === step)?.label ?? step),
        ...companies.map((c) => money(n(mine.find((x) => x.step === step && x.company === c)?.amount ?? 0), cur)),
      ]),
    };
  });
}

/** Each company's operating-profit sensitivity to each currency, beside its published one. */
export function fxSection(fx: Table): Section {
  const currencies = [...new Set(rows(fx).map((r) => String(r.currency)))];
  return {
    title: `Exchange-rate sensitivity of operating profit (${currencies.length === 1 ? moneyUnit(currencies[0] as string) : "each company's reporting currency"})`,
    note: "The period's rate moved alone, everything else as written: the yen by ¥1 per dollar (weaker), other currencies by 1%; currencies that move nothing are left out. Published: the company's own figure, where the scenario states it.",
    headers: ["company", "period", "currency", "move", "modelled scope", "whole company", "published"],
    body: rows(fx)
      .filter((r) => n(r.modelledScope) !== 0 || n(r.wholeCompany) !== 0 || r.published !== null)
      .map((r) => {
        const cur = String(r.currency);
        return [
          String(r.company),
          String(r.period),
          String(r.fxCurrency),
          String(r.move),
          signedMoney(n(r.modelledScope), cur, 2),
          signedMoney(n(r.wholeCompany), cur, 2),
          r.published === null ? null : signedMoney(n(r.published), cur, 2),
        ];
      }),
  };
}

/** "a weaker yen (+¥1/USD)" as the Japanese makers state it; another currency by its 1% move. */
function weakerLabel(currency: string, move: string): string {
  if (currency === "JPY") return "a weaker yen (+¥1/USD)";
  const names: Record<string, string> = { KRW: "won", EUR: "euro", CNY: "yuan", GBP: "pound", CAD: "Canadian dollar", MXN: "peso", INR: "rupee" };
  return `a weaker ${names[currency] ?? currency} (${move.replace(" (weaker)", "")} against the dollar)`;
}

/** A plain number with its sign always shown (an EPS change). */
function signedNumber(x: number, digits: number): string {
  const s = fixed(Math.abs(x), digits);
  return x < 0 ? `-${s}` : `+${s}`;
}

function currencySign(currency: string): string {
  return currency === "JPY" ? "yen a share" : `${currency} a share`;
}
