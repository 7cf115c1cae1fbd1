export * from "./estimate";
export * from "./compareWithPublished";
export * from "./reproduce";
export * from "./localizeLabels";
export * from "./estimatesFromTally";
export * from "./calibrationOf";
export * from "./estimatesFromDesignTally";
export * from "./crosstab";
