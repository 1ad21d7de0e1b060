import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { joinText, joinTexts, mainTextRoot, visibleChildren, visibleCopy } from './page-text';

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
 * A page's topic text: the article the page marks as such, or its article as Firefox's Reader View
 * finds it, or, on a page that is no article (a search page, a shop's grid), what `mainTextRoot`
 * finds; less lists of links where Readability did not choose. Only what the user can see is read:
 * a marked article in place, read only; otherwise a copy in an inert document, for Readability
 * rewrites what it reads. The page is never touched and never notices.
 */
export function articleText(doc: Document, maxChars: number): string {
  if (!doc.body) return '';
  const marked = markedArticle(doc);
  if (marked) return joinTexts(textInPlace(marked), maxChars);
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

/**
 * The text of a region the user can read, in order, read in place rather than copied: without other
 * people's parts and lists of links, and no further than the caller takes.
 */
function* textInPlace(el: Element): Generator<string> {
  for (const node of visibleChildren(el)) {
    if (node.nodeType === 3) yield node.nodeValue ?? '';
    else if (!isOtherVoice(node as Element) && !isLinkList(node as Element)) yield* textInPlace(node as Element);
  }
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
function isLinkList(el: Element): boolean {
  if (el.localName === 'a') return false;
  const text = visibleLength(el.textContent);
  const linked = Array.from(el.querySelectorAll('a')).reduce((sum, a) => sum + visibleLength(a.textContent), 0);
  return text > 0 && linked / text > 0.5;
}

const visibleLength = (text: string | null): number => (text ?? '').replace(/\s+/g, '').length;

function dropLinkLists(root: Element): void {
  for (const el of Array.from(root.children)) {
    if (el.localName === 'a') continue;
    if (isLinkList(el)) el.remove();
    else dropLinkLists(el);
  }
}

/**
 * The region a page marks as its article: its one `<article>` (several make a feed or a comment
 * list), or with none its one main region, holding at least half the page's text (a lone
 * `<article>` teaser beside a longer story is not the story). Readability finds that region too,
 * on the page corpus, but needs a copy of the whole page and costs several times more
 * (utils/collect/README.md); reading the region in place, only as far as the text limit, is what
 * keeps the observer light on large pages.
 */
function markedArticle(doc: Document): Element | null {
  const articles = doc.body.getElementsByTagName('article');
  const mains = doc.body.querySelectorAll('main, [role="main"]');
  const region = articles.length === 1 ? articles[0]! : articles.length === 0 && mains.length === 1 ? mains[0]! : null;
  if (!region) return null;
  return (region.textContent ?? '').length >= (doc.body.textContent ?? '').length / 2 ? region : null;
}
