export * from "@tieup/charts/uncertainty";
