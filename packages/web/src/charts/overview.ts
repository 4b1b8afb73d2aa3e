export * from "@tieup/charts/overview";
