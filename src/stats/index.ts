export * from "./roundRatio";
export * from "./consistency";
