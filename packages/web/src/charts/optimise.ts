export * from "@tieup/charts/optimise";
