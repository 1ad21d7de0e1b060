import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { joinText, mainTextRoot, visibleCopy } from './page-text';

/**
 * Where a page gives the floor to other people: comment threads, reviews, replies, user cards and
 * lists, bylines. Their names and words are not the page's topic, and a name is the most personal
 * thing a page carries. Read from the markup pages use for them: schema.org microdata, microformats,
 * rel=author, and the class and id words of blog, forum, shop and Q&A software.
 */
const OTHER_VOICES = [
  '[itemtype*="schema.org/Comment"]', '[itemtype*="schema.org/Review"]', '[itemtype*="schema.org/Person"]',
  '[itemprop~="author"]', '[itemprop~="creator"]', '[itemprop~="contributor"]', '[itemprop~="comment"]', '[itemprop~="review"]',
  '[rel~="author"]', '.h-card', '.p-author', '.u-author', '.h-review',
].join(',');
const OTHER_VOICE_WORDS =
  /(?:^|[\s_-])(?:comments?|reviews|reviewers?|review-authors?|repl(?:y|ies)|responses|disqus|byline|authors?|contributors?|usernames?|user(?:-?(?:info|card|details|list|stats|title|name))|members?-online|online-list|avatar)(?:$|[\s_-])/i;

/**
 * A page's topic text: its article as Firefox's Reader View finds it, or, on a page that is no
 * article (a search page, a shop's grid), what `mainTextRoot` finds, less lists of links. Both read
 * a copy of what the user can see in an inert document, so the page is never touched and never notices.
 */
export function articleText(doc: Document, maxChars: number): string {
  if (!doc.body) return '';
  let copy = readableCopy(doc);
  if (isProbablyReaderable(copy)) {
    const content = new Readability<Node>(copy, { serializer: (node) => node }).parse()?.content;
    if (content?.nodeType === 1) return joinText(content as Element, maxChars);
    // Readability rewrites the copy it reads, so the other way reads a fresh one.
    copy = readableCopy(doc);
  }
  const root = mainTextRoot(copy);
  if (root) dropLinkLists(root);
  return joinText(root, maxChars);
}

function readableCopy(doc: Document): Document {
  const copy = doc.implementation.createHTMLDocument(doc.title);
  copy.body.replaceWith(visibleCopy(doc.body, copy));
  for (const el of Array.from(copy.body.querySelectorAll('*'))) {
    if (el.isConnected && isOtherVoice(el)) el.remove();
  }
  return copy;
}

function isOtherVoice(el: Element): boolean {
  return el.matches(OTHER_VOICES) || OTHER_VOICE_WORDS.test(el.getAttribute('class') ?? '') || OTHER_VOICE_WORDS.test(el.id);
}

/** Menus, pagers, "you may also like" and account links: blocks whose text is mostly link text. */
function dropLinkLists(root: Element): void {
  for (const el of Array.from(root.children)) {
    if (el.localName === 'a') continue;
    const text = (el.textContent ?? '').replace(/\s+/g, '').length;
    const linked = Array.from(el.querySelectorAll('a')).reduce((sum, a) => sum + (a.textContent ?? '').replace(/\s+/g, '').length, 0);
    if (text > 0 && linked / text > 0.5) el.remove();
    else dropLinkLists(el);
  }
}
