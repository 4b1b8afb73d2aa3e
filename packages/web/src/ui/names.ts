export * from "@tieup/charts/names";
