import { Marked, type Tokens } from 'marked';
import { escapeHtml } from './html.js';

/**
 * A researcher's Markdown (memo bodies, codebook definitions) as HTML for report.html, through
 * marked. The text comes from a study folder anyone may have written, so nothing in it becomes
 * live markup:
 * - raw HTML in the Markdown (`<script>`, `<img onerror=…>`) is shown as text, escaped;
 * - a link keeps its href only for http:, https: and mailto: (and in-page `#` anchors); any
 *   other scheme (`javascript:`, `data:`, `vbscript:`) leaves just the link's text;
 * - an image is its alt text: the report's Content-Security-Policy loads no image anyway.
 * marked escapes every other piece of text itself. Single line breaks are kept as breaks, as
 * memos were shown before Markdown was rendered.
 */

const SAFE_HREF = /^(?:https?:|mailto:|#)/i;

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link): string {
      const inner = this.parser.parseInline(tokens);
      // Control characters and white space inside a scheme are ignored by browsers (`java\tscript:`).
      const plain = href.replace(/[\u0000-\u0020\u007f]/g, '');
      if (!SAFE_HREF.test(plain)) return inner;
      return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ''} rel="noopener noreferrer">${inner}</a>`;
    },
    image({ text }: Tokens.Image): string {
      return escapeHtml(text);
    },
  },
});

/** Block Markdown (paragraphs, lists, emphasis, code) as sanitised HTML. */
export function markdownBlock(md: string): string {
  return (marked.parse(md) as string).trim();
}

/** Inline Markdown (a table cell: emphasis, code, links) as sanitised HTML, no paragraph around it. */
export function markdownInline(md: string): string {
  return (marked.parseInline(md) as string).trim();
}
