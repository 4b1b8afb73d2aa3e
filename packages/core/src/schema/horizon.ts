import { z } from "zod";
import { Id, IsoDate } from "./common.js";

export const PeriodSpec = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "period ids are letters, digits, - and _, e.g. FY2025"),
  start: IsoDate,
  end: IsoDate,
});

export const Horizon = z
  .union([
    z.strictObject({
      fiscalYears: z.strictObject({
        from: z.number().int().min(1990).max(2100).meta({ description: "First fiscal year, named by the calendar year it starts in" }),
        to: z.number().int().min(1990).max(2100),
        startMonth: z.number().int().min(1).max(12).default(4),
      }),
    }),
    z.strictObject({ periods: z.array(PeriodSpec).min(1) }),
  ])
  .meta({ title: "Horizon", description: "The periods of the model: fiscal years, or an explicit list of whole-month periods that tile the horizon" });
export type Horizon = z.infer<typeof Horizon>;
export { Id };
