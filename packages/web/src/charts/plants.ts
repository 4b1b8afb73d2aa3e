export * from "@tieup/charts/plants";
