export * from "./roundRatio";
export * from "./consistency";
export * from "./proportionCI";
export * from "./surveyProportionCI";
export * from "./differenceCI";
export * from "./ratioCI";
export * from "./oddsRatioCI";
