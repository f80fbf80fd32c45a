/**
 * pdf-lib, loaded from the single-file build the package ships (`dist/pdf-lib.min.js`) instead of
 * its CommonJS tree of ~300 modules: the same library and version, and the same bytes out, but
 * ~45 ms to load instead of ~175 ms, a tenth of a one-record `goldthread render`. Everything in
 * goldthread takes pdf-lib from here, so `instanceof` checks compare classes from one copy; the
 * types are the package's own declarations.
 */
import { createRequire } from 'node:module';
import type * as PdfLib from 'pdf-lib';

const pdfLib = createRequire(import.meta.url)('pdf-lib/dist/pdf-lib.min.js') as typeof PdfLib;

export type { PDFObject } from 'pdf-lib';
export const decodePDFRawStream = pdfLib.decodePDFRawStream;
export const ParseSpeeds = pdfLib.ParseSpeeds;
export const PDFArray = pdfLib.PDFArray;
export type PDFArray = PdfLib.PDFArray;
export const PDFDict = pdfLib.PDFDict;
export type PDFDict = PdfLib.PDFDict;
export const PDFDocument = pdfLib.PDFDocument;
export type PDFDocument = PdfLib.PDFDocument;
export const PDFHexString = pdfLib.PDFHexString;
export type PDFHexString = PdfLib.PDFHexString;
export const PDFName = pdfLib.PDFName;
export type PDFName = PdfLib.PDFName;
export const PDFNumber = pdfLib.PDFNumber;
export type PDFNumber = PdfLib.PDFNumber;
export const PDFRawStream = pdfLib.PDFRawStream;
export type PDFRawStream = PdfLib.PDFRawStream;
export const PDFRef = pdfLib.PDFRef;
export type PDFRef = PdfLib.PDFRef;
export const PDFStream = pdfLib.PDFStream;
export type PDFStream = PdfLib.PDFStream;
export const PDFString = pdfLib.PDFString;
export type PDFString = PdfLib.PDFString;
