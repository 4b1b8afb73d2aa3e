export * from "@tieup/charts/palette";
