export * from "./roundRatio";
export * from "./consistency";
export * from "./proportionCI";
export * from "./surveyProportionCI";
