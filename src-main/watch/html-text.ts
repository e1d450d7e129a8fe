import { decodeHTML } from 'entities';

/** Elements that make a paragraph of their own (a blank line around), and those that only start a new line. */
const paragraphTags = /^(p|div|ul|ol|h[1-6]|table|section|article|header|footer|blockquote|pre|hr)$/i;
const lineTags = /^(br|li|tr)$/i;

/**
 * A posting's HTML as clean text: tags removed, entities decoded, paragraphs separated by a blank line, list items
 * on their own lines ("• "), links kept as "text (address)". Board APIs send small, well-formed fragments (their own
 * editors' output): this is a text extraction, never a renderer, and nothing of it reaches a page as HTML. Scripts
 * and styles are dropped.
 */
export function htmlToText(html: string): string {
  const withoutCode = html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  let text = '';
  let link: string | null = null;
  let linkText = '';
  const push = (fragment: string) => {
    if (link !== null) linkText += fragment;
    else text += fragment;
  };
  const endLink = () => {
    if (link === null) return;
    const label = linkText.trim();
    text += label && label !== link ? `${label} (${link})` : link;
    link = null;
  };
  let last = 0;
  for (const match of withoutCode.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|<!--[\s\S]*?-->/g)) {
    push(decodeHTML(withoutCode.slice(last, match.index)).replace(/\s+/g, ' '));
    last = match.index + match[0].length;
    const name = match[1]?.toLowerCase();
    if (!name) continue;
    const closing = match[0].startsWith('</');
    if (name === 'a') {
      endLink();
      const href = closing ? null : /\bhref\s*=\s*("([^"]*)"|'([^']*)')/i.exec(match[2] ?? '');
      const address = href ? decodeHTML(href[2] ?? href[3] ?? '') : '';
      if (/^https?:\/\//i.test(address)) {
        link = address;
        linkText = '';
      }
    } else if (paragraphTags.test(name)) {
      endLink();
      text += '\n\n';
    } else if (lineTags.test(name) && !closing) {
      endLink();
      text += name === 'li' ? '\n• ' : '\n';
    }
  }
  push(decodeHTML(withoutCode.slice(last)).replace(/\s+/g, ' '));
  endLink();
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '•')
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
