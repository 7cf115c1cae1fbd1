export * from "./designTally";
export * from "./linearizedVariance";
export * from "./prepareDesign";
export * from "./designEstimate";
export * from "./designMean";
export * from "./domainEstimates";
export * from "./kish";
export * from "./designProportionCI";
