export * from "./validationSummary";
