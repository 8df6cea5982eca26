/**
 * The readable text of HTML: a web page's main text (for feed items without their full content) and HTML bodies
 * (in feeds and in JSON Lines files). Owns jsoup, the only package that uses it (ArchitectureTest). Scripts, styles,
 * navigation, headers and footers, figures and captions, bylines, share and newsletter boxes, and "Read more" lines
 * are dropped; paragraphs, headings and list items are kept, one per paragraph, separated by blank lines.
 */
package dev.newsbot.articles.html;
