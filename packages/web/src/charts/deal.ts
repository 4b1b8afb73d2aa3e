export * from "@tieup/charts/deal";
