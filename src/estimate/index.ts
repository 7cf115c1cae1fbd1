export * from "./estimate";
export * from "./compareWithPublished";
export * from "./reproduce";
