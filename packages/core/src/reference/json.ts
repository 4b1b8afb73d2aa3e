/**
 * The top-level fields of each command's `--format json` output. The CLI
 * builds these objects; a test checks every command's output has exactly
 * these fields, and the results reference lists them.
 */
export interface JsonField {
  name: string;
  description: string;
}

export interface JsonOutput {
  command: string;
  description: string;
  fields: readonly JsonField[];
}

const f = (name: string, description: string): JsonField => ({ name, description });

export const JSON_OUTPUTS: readonly JsonOutput[] = [
  {
    command: "run",
    description: "`tieup run --format json`: the evaluation of a scenario.",
    fields: [
      f("scenario", "Scenario id"),
      f("title", "Scenario title (its id when it has none)"),
      f("base", "Base currency of the flows, duties and plants tables"),
      f("periods", "Period ids shown (all, or the one asked for with --period)"),
      f("overrides", "Overrides applied (--with), in order"),
      f("warnings", "What the evaluation warns about (over-capacity, open prices without a zone of agreement, …)"),
      f(
        "headline",
        "Each company's tariff cost in the headline period and windows: [{ id, label, from?, to?, impacts: [{ company, currency, vehicles, parts, offsets, gross, net, operatingProfit }] }]",
      ),
      f(
        "tables",
        "The results tables by name (companies, companyDuties, plants, flows, duties, and the report's profitSummary, bridge from the period before the focus one, fxSensitivity), each a list of rows whose fields are the table's columns",
      ),
    ],
  },
  {
    command: "compare",
    description: "`tieup compare --format json`: differences matched by key.",
    fields: [
      f("base", "Name of the base side"),
      f("other", "Name of the other side (with its overrides)"),
      f(
        "tables",
        "companies_diff, companyDuties_diff, plants_diff: the key columns, `presence`, and for each value column v: v_base, v, v_delta; bridge: the whole-company operating-profit bridge from the base to the other side in the focus period",
      ),
    ],
  },
  {
    command: "deal",
    description: "`tieup deal --format json`: each deal's analysis.",
    fields: [
      f("scenario", "Scenario id"),
      f(
        "conventions",
        "How every value is computed: { valuationDate, horizon { from, to }, discounting (mid-period), terminalValue (none, { growingPerpetuity } or { exitMultiple }), taxes [{ company, taxRate }], basis (accounting profit), cash { depreciationShareOfFixedCost } }",
      ),
      f(
        "deals",
        "One analysis per deal: { deal, parties, gains (per company and period: operatingProfit, profit, fixedCost, nonCashCosts, dividends, stakeSales changes), values [{ company, currency, discountRate, npv (before tax), npvPerShare, npvAfterTax, npvAfterTaxPerShare, npvCash (cash after tax), terminalValue, market { date, sharePrice, marketCap, enterpriseValue, ofMarketCap, perAdr } | null }], plants, price? { currency, kind, used, weight, agreement { pLow, pHigh, exists, nash, jointSurplus }, surplusCurrency, linear, breakEvenVolume }, jointNpvBase, versusNeither? (a joint development: values against neither party developing), versus? [{ id, label, values }] (other counterfactuals: a closure against keeping the plant idle), terms? { lines, figures } (the type's own terms: an issue-price zone, a tie's cash view, a closure's jobs) }",
      ),
    ],
  },
  {
    command: "sweep",
    description: "`tieup sweep --format json`: a Monte Carlo sweep.",
    fields: [
      f("scenario", "Scenario id"),
      f("draws", "Number of draws"),
      f("seed", "Seed (the same seed gives the same numbers whatever the number of workers)"),
      f("parameters", "The uncertain parameters as written in the scenario"),
      f("outputs", "One per output: { metric, summary (the sweep table's statistics), draws? (with --keep-draws) }"),
    ],
  },
  {
    command: "optimize",
    description: "`tieup optimize --format json`: the optimised allocation (or footprint) and how sure the solver is of it.",
    fields: [
      f("scenario", "Scenario id"),
      f("base", "Base currency of every amount"),
      f("objective", "alliance, alliance-fair or company:<id> (stand-alone)"),
      f("footprint", "Whether plants may close and platforms be added (the MILP)"),
      f(
        "discountRates",
        "Each company's annual discount rate when every profit is an NPV as of the valuation date (default with the footprint); null when profits are undiscounted horizon sums",
      ),
      f("status", "optimal, time-limit, infeasible, unbounded or error (HiGHS' model status)"),
      f("proven", "Whether every solve behind the answer (and the stand-alone ones of a cooperation) proved its optimum; when false the exit code is 3"),
      f("optimum", "The proved optimum; null when the solver did not prove it"),
      f("best", "The best answer found (the optimum when proven)"),
      f("bound", "For a MILP: the bound HiGHS proved, which no answer can beat; null for an LP"),
      f("gap", "For a MILP: relative gap between best and bound (0 when proven); null for an LP"),
      f("ownSourcing", "Profit of the scenario's own sourcing, valued the same way"),
      f("cooperation", "For an alliance objective: { standAloneTotal, alliance, value }; null otherwise"),
      f("retooled", "Platforms added at plants (footprint)"),
      f("size", "Variables, binaries, rows and non-zeros of the model"),
      f("warnings", "What the result warns about (pass-through not modelled, a time limit, …)"),
      f("tables", "companies, changes, plants, flows and (with an alliance objective) cooperation tables"),
    ],
  },
  {
    command: "sensitivity",
    description: "`tieup sensitivity --format json`: one-at-a-time swings.",
    fields: [
      f("scenario", "Scenario id"),
      f("output", "The output ranked by"),
      f("base", "The output with every parameter as written"),
      f("swings", "Rows of the sensitivity table"),
    ],
  },
];
