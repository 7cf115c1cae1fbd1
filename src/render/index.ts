// svyprop/render: rendering of Vega-Lite specs to SVG and PNG, and Jupyter display bundles.
export { renderSvg } from "./renderSvg";
export { renderPng } from "./renderPng";
export type { RenderPngOptions } from "./pngScale";
export { toMimeBundle, type ChartMimeBundle, VEGA_LITE_MIME_TYPE, VEGA_LITE_V5_MIME_TYPE } from "./toMimeBundle";
