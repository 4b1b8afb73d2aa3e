import { z } from "zod";

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case letters, digits and hyphens, e.g. canton or mfn-car")
  .meta({ description: "Identifier referenced by other entities" });

export const Country = z
  .string()
  .regex(/^[A-Z]{2}$/, "a country is an ISO 3166 two-letter code such as US, JP, MX, CA")
  .meta({ description: "ISO 3166-1 alpha-2 country code" });

export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, "a currency is an ISO 4217 code such as USD, JPY, CAD")
  .meta({ description: "ISO 4217 currency code" });

/** YAML parses unquoted dates into Date objects; accept both and keep ISO text. */
export const IsoDate = z
  .union([z.string(), z.date()])
  .transform((v, ctx) => {
    const text = v instanceof Date ? v.toISOString().slice(0, 10) : v;
    // Round-trip the date: Date.parse rolls 2025-02-30 over to March instead of refusing it.
    const parsed = Date.parse(`${text}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== text) {
      ctx.addIssue({ code: "custom", message: `"${text}" is not a date`, params: { suggestion: "write dates as YYYY-MM-DD" } });
      return z.NEVER;
    }
    return text;
  })
  .meta({ description: "Calendar date, YYYY-MM-DD (inclusive)" });

/** A web address a citation may name: http or https, with a host name. */
export function isWebAddress(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const u = new URL(text);
  return (u.protocol === "https:" || u.protocol === "http:") && u.hostname.includes(".");
}

/** A citation of a page, by address and date, where no data/ row or assumption holds the figure. */
export const InlineSource = z
  .strictObject({
    url: z
      .string()
      .max(2000)
      .refine(isWebAddress, { message: "not a web address", params: { suggestion: "write the page's full address, e.g. https://www.example.com/report.pdf" } })
      .meta({ description: "Address (http or https) of the page the figure comes from" }),
    date: IsoDate.meta({ description: "Date the page was published (or, lacking one, read), YYYY-MM-DD" }),
    title: z.string().max(300).optional().meta({ description: "Title of the page or document" }),
  })
  .meta({ description: "Inline citation: the page's address and date" });

export const Source = z.union([z.string(), InlineSource]).meta({
  description:
    'Citation: "data/<file>.csv#<row id>", "assumption:<id>" (see data/assumptions.yaml), "claim:<id>" (the evidence registry, data/evidence/claims.csv), or a page by address and date, { url: https://…, date: YYYY-MM-DD }',
});
export type Source = z.output<typeof Source>;

/** A citation as one line of text: a page as its address with its date in brackets. */
export const sourceText = (s: Source): string => (typeof s === "string" ? s : `${s.url} (${s.date})`);

export const Category = z
  .enum(["passenger-car", "light-truck"])
  .meta({ description: "Tariff category of a vehicle: passenger car (HTS 8703) or light truck (HTS 8704)" });

export const MeasureCategory = z.enum(["passenger-car", "light-truck", "parts"]).meta({ description: "Product category a tariff measure covers" });
