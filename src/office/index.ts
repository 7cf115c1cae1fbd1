// svyprop/office: Node-only Excel, PDF and PowerPoint reports. Each writer imports its library
// (exceljs, pdfkit + svg-to-pdfkit, pptxgenjs) when called, so loading this entry loads none of them.
export { toXlsx } from "./toXlsx";
export { toPdf, type PdfOptions } from "./toPdf";
export { toPptx } from "./toPptx";
export type { OfficeReport, OfficeSection, OfficeOptions } from "./officeReport";
