/**
 * One input file to article text and metadata, by its extension: saved web pages (.html, .htm,
 * .xhtml), Markdown (.md, .markdown) and plain text (.txt). A collection's sidecar entry for the
 * file (articles.json) adds to and overrides what the file itself says.
 */
import path from 'node:path';
import { decodeUtf8 } from './decode.js';
import { readHtml } from './html.js';
import { mergeMeta, type ArticleMeta } from './metadata.js';
import { markdownToText, plainText, splitFrontMatter } from './text.js';

export const ARTICLE_EXTS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.xhtml']);

export interface ReadArticle {
  text: string;
  meta: ArticleMeta;
  format: 'html' | 'markdown' | 'text';
  /** the encoding a web page was read in */
  charset?: string;
}

export function readArticle(file: string, bytes: Uint8Array, sidecar: ArticleMeta = {}): ReadArticle {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') {
    const r = readHtml(bytes, sidecar.url?.value);
    const meta = mergeMeta(r.meta, sidecar);
    // the sidecar may name the headline differently: the text keeps the page's own
    return { text: r.text, meta, format: 'html', charset: r.charset };
  }
  const raw = decodeUtf8(bytes, file);
  const { body, meta: front } = splitFrontMatter(raw);
  let text: string;
  let format: ReadArticle['format'];
  const meta = mergeMeta(front, sidecar);
  if (ext === '.md' || ext === '.markdown') {
    const md = markdownToText(body);
    text = md.text;
    format = 'markdown';
    // the title opens the text, as in a plain article, when the front matter gives it and the body has no heading
    if (!md.heading && meta.title && text) text = `${meta.title.value}\n\n${text}`;
  } else {
    text = plainText(body);
    format = 'text';
  }
  text = text.replace(/^\s*\n/, '');
  if (text.trim().length === 0) throw new Error('the article is empty');
  return { text, meta, format };
}
