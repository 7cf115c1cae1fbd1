// svyprop/render: Node-only rendering of Vega-Lite specs to SVG and PNG.
export { renderSvg } from "./renderSvg";
export { renderPng, type RenderPngOptions } from "./renderPng";
