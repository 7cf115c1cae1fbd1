// The Vega-Lite types the chart builders compose, named once. Types only: vega-lite is never loaded here.
import type { LayerSpec } from "vega-lite/types_unstable/spec/index.js";
import type { Field } from "vega-lite/types_unstable/channeldef.js";

/** One layer of a layered Vega-Lite spec. */
export type Layer = LayerSpec<Field>["layer"][number];

/** The colour channel of a layer. */
export type ColorEncoding = NonNullable<Extract<Layer, { mark: unknown }>["encoding"]>["color"];
