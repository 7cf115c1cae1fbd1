// svyprop/render: Node-only rendering of Vega-Lite specs to SVG and PNG.
export {};
