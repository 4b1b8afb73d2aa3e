export * from "@tieup/charts/format";
