import { z } from "zod";
import { Source } from "./common.js";
import { withFastPath } from "./fast-path.js";

/**
 * A numeric attribute of the scenario. Users may write a bare number in the
 * canonical unit, a shorthand string ("57%", "450 thousand"), or an object that
 * also carries its unit and its source:
 *
 *   capacity: { value: 450, unit: "thousand units/year", source: "data/plants.csv#canton-capacity" }
 *
 * The schema converts every form to a plain number in the canonical unit, so
 * the engine never sees units; provenance is collected separately (see
 * compose/provenance.ts) so the model stays a tree of numbers.
 */

export type CanonicalUnit = "fraction" | "units" | "units/year" | "money" | "money/unit" | "money/year" | "currency/base" | "years" | "days" | "degrees";

const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  trillion: 1e12,
};

const BASE_OF: Record<CanonicalUnit, string[]> = {
  fraction: ["fraction", ""],
  units: ["units", "unit", "vehicles", ""],
  "units/year": ["units/year", "units/yr", "vehicles/year", "/year", ""],
  money: [""],
  "money/unit": ["/unit", "per unit", "/vehicle", ""],
  "money/year": ["/year", "per year", "/yr", ""],
  "currency/base": [""],
  years: ["years", "year", ""],
  days: ["days", "day", ""],
  degrees: ["degrees", "degree", "deg", "°", ""],
};

export interface ParsedUnit {
  scale: number;
  percent: boolean;
  currency?: string;
  base: string;
}

/** Parses unit strings such as "%", "thousand units/year", "USD million/year". */
export function parseUnit(text: string): ParsedUnit {
  let scale = 1;
  let percent = false;
  let currency: string | undefined;
  const rest: string[] = [];
  for (const raw of text.trim().replace(/\//g, " /").split(/\s+/)) {
    if (raw === "") continue;
    const lower = raw.toLowerCase();
    if (raw === "%" || lower === "percent" || lower === "pct") percent = true;
    else if (SCALES[lower] !== undefined) scale *= SCALES[lower];
    else if (/^[A-Z]{3}(\/.*)?$/.test(raw)) {
      currency = raw.slice(0, 3);
      if (raw.length > 3) rest.push(raw.slice(3));
    } else rest.push(lower);
  }
  return { scale, percent, currency, base: rest.join(" ").replace(/^per /, "/") };
}

function convert(value: number, unitText: string | undefined, unit: CanonicalUnit, ctx: z.RefinementCtx): number {
  if (unitText === undefined) return value;
  const u = parseUnit(unitText);
  const allowed = BASE_OF[unit];
  const base = u.base.replace(/\s+/g, "");
  if (!allowed.map((a) => a.replace(/\s+/g, "")).includes(base)) {
    ctx.addIssue({
      code: "custom",
      message: `unit "${unitText}" does not fit this attribute, which is in ${describeUnit(unit)}`,
      params: { suggestion: `write the value in ${describeUnit(unit)}, e.g. unit: "${exampleUnit(unit)}"` },
    });
    return value;
  }
  if (u.currency !== undefined && !unit.startsWith("money")) {
    ctx.addIssue({ code: "custom", message: `a currency (${u.currency}) does not fit an attribute in ${describeUnit(unit)}` });
  }
  if (u.percent && unit !== "fraction") {
    ctx.addIssue({ code: "custom", message: `a percentage does not fit an attribute in ${describeUnit(unit)}` });
  }
  return (value * u.scale) / (u.percent ? 100 : 1);
}

export function describeUnit(unit: CanonicalUnit): string {
  switch (unit) {
    case "fraction":
      return "a fraction (0.25 = 25%)";
    case "money":
      return "money in the entity's currency";
    case "money/unit":
      return "money per unit in the entity's currency";
    case "money/year":
      return "money per year in the entity's currency";
    case "currency/base":
      return "units of the currency per unit of the base currency";
    default:
      return unit;
  }
}

function exampleUnit(unit: CanonicalUnit): string {
  return {
    fraction: "%",
    units: "thousand units",
    "units/year": "thousand units/year",
    money: "million",
    "money/unit": "/unit",
    "money/year": "million/year",
    "currency/base": "",
    years: "years",
    days: "days",
    degrees: "degrees",
  }[unit];
}

const PERCENT_STRING = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/;
const SCALED_STRING = /^\s*(-?\d+(?:\.\d+)?)\s*([A-Za-z%/ ]+)?$/;

export interface QuantitySpec {
  unit: CanonicalUnit;
  description: string;
  min?: number;
  max?: number;
  /** Largest plausible value; above it the value is rejected as absurd. */
  absurd?: number;
  /** What to suggest when the value is outside [min, max], instead of the generic hints. */
  rangeHint?: string;
  integer?: boolean;
}

/** Object form: a value with its unit and citation. */
export const CitedValue = z.strictObject({
  value: z.union([z.number(), z.string()]),
  unit: z.string().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  source: Source.optional(),
  note: z.string().optional(),
});

/** A number, a shorthand string or a cited value, converted to the canonical unit. */
export function quantity(spec: QuantitySpec) {
  const input = z.union([z.number(), z.string(), CitedValue]);
  const schema = input
    .transform((raw, ctx) => {
      let value: number;
      let unitText: string | undefined;
      if (typeof raw === "object") {
        const inner = raw.value;
        if (typeof inner === "string") {
          const r = parseNumberString(inner, spec, ctx);
          if (r === undefined) return z.NEVER;
          value = r;
        } else value = inner;
        unitText = raw.unit;
        if (raw.currency !== undefined && unitText === undefined) unitText = raw.currency;
        else if (raw.currency !== undefined) unitText = `${raw.currency} ${unitText}`;
      } else if (typeof raw === "string") {
        const r = parseNumberString(raw, spec, ctx);
        if (r === undefined) return z.NEVER;
        return check(r, spec, ctx);
      } else value = raw;
      return check(convert(value, unitText, spec.unit, ctx), spec, ctx);
    })
    .meta({
      unit: spec.unit,
      description: spec.description,
      ...(spec.min !== undefined ? { minimum: spec.min } : {}),
      ...(spec.max !== undefined ? { maximum: spec.max } : {}),
    });
  return plainNumbersFirst(schema, spec);
}

/**
 * Most quantities are bare numbers in range, for which the union, the
 * transform and its issue context only hand the number back: about half of
 * parsing a large scenario. Such a number is returned at once; anything else
 * (a string, a cited value, a number out of range) takes the full path, so
 * its value and issues are the same as before.
 */
function plainNumbersFirst<T extends z.ZodType>(schema: T, spec: QuantitySpec): T {
  return withFastPath(schema, (payload) => (typeof payload.value === "number" && inRange(payload.value, spec) ? payload : undefined));
}

/** True when `check` would add no issue for this number. */
function inRange(value: number, spec: QuantitySpec): boolean {
  return (
    Number.isFinite(value) &&
    (!spec.integer || Number.isInteger(value)) &&
    (spec.min === undefined || value >= spec.min) &&
    (spec.max === undefined || value <= spec.max) &&
    (spec.absurd === undefined || value <= spec.absurd)
  );
}

function parseNumberString(text: string, spec: QuantitySpec, ctx: z.RefinementCtx): number | undefined {
  const pct = PERCENT_STRING.exec(text);
  if (pct) {
    if (spec.unit !== "fraction") {
      ctx.addIssue({ code: "custom", message: `"${text}" is a percentage but this attribute is in ${describeUnit(spec.unit)}` });
      return undefined;
    }
    return Number(pct[1]) / 100;
  }
  // Commas only as thousands separators (1,500): "1,5" is a decimal comma, refused rather than read as 15.
  const plain = /^\s*-?\d{1,3}(,\d{3})+(\.\d+)?(\s|$)/.test(text) ? text.replace(/,/g, "") : text;
  const m = SCALED_STRING.exec(plain);
  if (m) {
    const value = Number(m[1]);
    if (m[2] === undefined) return value;
    return convert(value, m[2], spec.unit, ctx);
  }
  ctx.addIssue({ code: "custom", message: `"${text}" is not a number`, params: { suggestion: `write a number in ${describeUnit(spec.unit)}` } });
  return undefined;
}

function check(value: number, spec: QuantitySpec, ctx: z.RefinementCtx): number {
  if (!Number.isFinite(value)) {
    ctx.addIssue({ code: "custom", message: "must be a finite number" });
    return value;
  }
  if (spec.integer && !Number.isInteger(value)) {
    ctx.addIssue({ code: "custom", message: `must be a whole number, got ${value}` });
  }
  if (spec.min !== undefined && value < spec.min) {
    ctx.addIssue({
      code: "custom",
      message: `must be at least ${spec.min}, got ${value}`,
      params: { suggestion: spec.rangeHint ?? (value < 0 ? "magnitudes are positive; costs and duties are subtracted by the model" : undefined) },
    });
  }
  if (spec.max !== undefined && value > spec.max) {
    const hint = spec.unit === "fraction" && value <= 100 ? `if you meant ${value}%, write "${value}%" or ${value / 100}` : undefined;
    ctx.addIssue({ code: "custom", message: `must be at most ${spec.max}, got ${value}`, params: { suggestion: spec.rangeHint ?? hint } });
  }
  if (spec.absurd !== undefined && value > spec.absurd) {
    ctx.addIssue({
      code: "custom",
      message: `${value} is implausibly large for ${spec.description.toLowerCase()} (limit ${spec.absurd.toLocaleString("en-US")})`,
      params: { suggestion: "check the unit and the scale (thousand / million)" },
    });
  }
  return value;
}

export const fraction = (description: string) => quantity({ unit: "fraction", description, min: 0, max: 1 });

/** Amounts by period id in a currency, e.g. development spending or an investee's profit. */
export const amountsByPeriod = (description: string) =>
  z.record(z.string(), quantity({ unit: "money", description })).meta({ description: `${description}, by period id` });
