export * from "@tieup/charts/compare";
