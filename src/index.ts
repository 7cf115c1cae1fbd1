// svyprop core: everything but rendering (which lives in the separate `svyprop/render` entry).
export * from "./errors";
export type * from "./types";
export * from "./codebook";
export * from "./load";
export * from "./survey";
export * from "./tally";
export * from "./stats";
export * from "./estimate";
export * from "./sql";
export * from "./charts";
export * from "./report";
