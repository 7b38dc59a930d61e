// HTML message bodies as the plain text a reader sees, using html-to-text
// (an HTML parser, not regexes): paragraphs and <br> keep their line breaks,
// scripts, styles and images are dropped, entities are decoded, and quoted
// e-mail (<blockquote>) becomes "> " lines so that the engine recognises it as
// quoted history rather than the writer's own words.

import { compile } from 'html-to-text';
import { cleanText } from './util.js';

const headings = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
  selector,
  options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 },
}));

const convert = compile({
  wordwrap: false,
  // Bounded work on hostile input: html-to-text cuts what is beyond these.
  limits: { maxInputLength: 16 * 1024 * 1024, maxDepth: 500, ellipsis: '…' },
  selectors: [
    // The customer saw the link's words, not its address.
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'head', format: 'skip' },
    { selector: 'title', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'iframe', format: 'skip' },
    { selector: 'object', format: 'skip' },
    { selector: 'svg', format: 'skip' },
    { selector: 'hr', format: 'blockString', options: { string: '' } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false, colSpacing: 2, maxColumnWidth: 1000 } },
    { selector: 'blockquote', options: { trimEmptyLines: true } },
    ...headings,
  ],
});

/** Plain text from an HTML fragment or document. Never throws; an unparseable body gives "". */
export function htmlToText(html: string): string {
  if (!html) return '';
  try {
    return cleanText(convert(html)).replace(/^>[ \t]+$/gm, '>');
  } catch {
    return '';
  }
}

/** True when a body that may be HTML or plain text looks like HTML (a tag or an entity). */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.test(s) || /&(#\d+|#x[0-9a-f]+|[a-z]{2,8});/i.test(s);
}

/** A body as plain text: converted when it is HTML (or looks like it), cleaned up either way. */
export function bodyText(body: string, html: boolean | undefined): string {
  if (html === true || (html === undefined && looksLikeHtml(body))) return htmlToText(body);
  return cleanText(body);
}
