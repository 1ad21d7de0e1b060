/**
 * The page's main visible text, bounded. Form fields, editable regions and hidden or
 * navigational parts are never read: what the user types is not a page's topic, and it is
 * where the most sensitive data sits.
 */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED',
  'INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'BUTTON', 'FORM', 'NAV', 'FOOTER', 'ASIDE', 'HEADER',
]);

const MAIN_SELECTORS = ['main', 'article', '[role="main"]'];

/**
 * Text a stylesheet hides (a closed dialog, a collapsed account menu, an off-screen template) is
 * not what the user reads, and is often the most personal part of a page.
 */
function isCssHidden(el: Element): boolean {
  if (typeof el.checkVisibility === 'function') return !el.checkVisibility({ visibilityProperty: true });
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return style?.display === 'none' || style?.visibility === 'hidden';
}

function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if ((el as HTMLElement).isContentEditable || el.getAttribute('contenteditable') === 'true') return true;
  return isCssHidden(el);
}

export function mainTextRoot(doc: Document): Element | null {
  for (const selector of MAIN_SELECTORS) {
    const el = doc.querySelector(selector);
    if (el && (el.textContent ?? '').trim().length > 200) return el;
  }
  return doc.body;
}

/**
 * What the user reads as `el`'s children, in order: its open shadow root's content in place of its
 * own children, slotted content where its slots are, as the page renders it; skipped and hidden
 * elements left out.
 */
export function visibleChildren(el: Element): (Text | Element)[] {
  const out: (Text | Element)[] = [];
  const add = (nodes: Iterable<Node>): void => {
    for (const node of nodes) {
      if (node.nodeType === 3) {
        out.push(node as Text);
      } else if (node.nodeType === 1) {
        const child = node as Element;
        if (child.localName === 'slot') {
          const assigned = (child as HTMLSlotElement).assignedNodes();
          add(assigned.length > 0 ? assigned : child.childNodes);
        } else if (!isSkipped(child)) {
          out.push(child);
        }
      }
    }
  };
  add(el.shadowRoot ? el.shadowRoot.childNodes : el.childNodes);
  return out;
}

/**
 * A copy of `root` in `into` (an inert document: nothing in it loads or runs) holding only what
 * the user can read (`visibleChildren`). Custom elements become plain containers, so a page built
 * from web components reads like any other.
 */
export function visibleCopy(root: Element, into: Document): Element {
  const copyElement = (el: Element): Element => {
    const copy = into.createElement(el.localName.includes('-') ? 'div' : el.localName);
    for (const attr of Array.from(el.attributes)) {
      if (!attr.name.startsWith('on')) copy.setAttribute(attr.name, attr.value);
    }
    for (const node of visibleChildren(el)) {
      copy.append(node.nodeType === 3 ? into.createTextNode(node.nodeValue ?? '') : copyElement(node as Element));
    }
    return copy;
  };
  return copyElement(root);
}

/** The text under `root`, whitespace runs as single spaces, at most `maxChars`. */
export function joinText(root: Element | null, maxChars: number): string {
  if (!root) return '';
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  function* texts(): Generator<string> {
    for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node.nodeValue ?? '';
  }
  return joinTexts(texts(), maxChars);
}

/** Joins `texts`, whitespace runs as single spaces, at most `maxChars`; reads no further than that. */
export function joinTexts(texts: Iterable<string>, maxChars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (const raw of texts) {
    if (length >= maxChars) break;
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text) {
      parts.push(text);
      length += text.length + 1;
    }
  }
  return truncateAtWord(parts.join(' '), maxChars);
}

export function extractVisibleText(root: Element | null, maxChars: number): string {
  if (!root) return '';
  return joinText(visibleCopy(root, root.ownerDocument.implementation.createHTMLDocument('')), maxChars);
}

/** At most `maxChars` UTF-16 units, cut at a space near the bound if there is one, never inside a surrogate pair. */
export function truncateAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let cut = text.slice(0, maxChars);
  // A bound between the two halves of a surrogate pair would keep half a character (half an emoji).
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace > maxChars * 0.8 ? cut.slice(0, lastSpace) : cut;
}

/** A page that asks for a password is a login page whatever its address says. */
export function hasCredentialFields(doc: Document): boolean {
  return doc.querySelector('input[type="password"], input[autocomplete~="cc-number"], input[autocomplete~="one-time-code"]') !== null;
}
