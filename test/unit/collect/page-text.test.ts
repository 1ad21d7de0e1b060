// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { extractVisibleText, hasCredentialFields, mainTextRoot, truncateAtWord } from '../../../utils/collect/page-text';

const LONG = 'Rivers carry sediment from the mountains to the sea and shape the valleys they pass through. '.repeat(4);

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

function bodyText(html: string, max = 4000): string {
  document.body.innerHTML = html;
  return extractVisibleText(document.body, max);
}

describe('extractVisibleText', () => {
  it('joins visible text with single spaces', () => {
    expect(bodyText('<h1>Title</h1>\n<p>First   para.</p><div><span>Nested</span> text</div>')).toBe('Title First para. Nested text');
  });

  it('never reads what the user types or could type', () => {
    const text = bodyText(`
      <p>Topic</p>
      <input value="typed-input-secret">
      <textarea>typed-textarea-secret</textarea>
      <select><option>option-secret</option></select>
      <button>button-label</button>
      <form><p>form-paragraph-secret</p><label>form-label</label></form>
      <div contenteditable="true"><p>editable-secret</p></div>
      <div contenteditable="plaintext-only"><p>editable-plaintext-secret</p></div>
    `);
    expect(text).toBe('Topic');
  });

  it('skips navigation, header, footer, asides, scripts and styles', () => {
    const text = bodyText(`
      <header>site-header</header><nav>menu-links</nav>
      <p>Body text</p>
      <aside>related-aside</aside><footer>copyright-footer</footer>
      <script>var scriptSecret = 1;</script><style>.x{color:red}</style><noscript>noscript-text</noscript>
      <template><p>template-text</p></template>
    `);
    expect(text).toBe('Body text');
  });

  it('skips hidden and aria-hidden subtrees but not aria-hidden="false"', () => {
    const text = bodyText(`
      <p>Shown</p>
      <div hidden><p>hidden-secret</p></div>
      <div aria-hidden="true"><p>aria-hidden-secret</p></div>
      <div aria-hidden="false"><p>Also shown</p></div>
    `);
    expect(text).toBe('Shown Also shown');
  });

  it('skips what a stylesheet hides (display: none, visibility: hidden), inline or from a class', () => {
    document.head.innerHTML = '<style>.menu-closed { display: none } .ghost { visibility: hidden }</style>';
    const text = bodyText(`
      <p>Shown</p>
      <div style="display:none"><p>inline-none-secret</p></div>
      <div class="menu-closed"><p>Signed in as class-none-secret</p></div>
      <div class="ghost"><span>visibility-secret</span></div>
      <div style="opacity:0.5"><p>Faint but shown</p></div>
    `);
    expect(text).toBe('Shown Faint but shown');
  });

  it('stops at the bound and cuts at a word', () => {
    const text = bodyText(`<p>${LONG}</p><p>${LONG}</p>`, 100);
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text.length).toBeGreaterThan(80);
    expect(LONG).toContain(text);
    expect(LONG.charAt(text.length)).toBe(' ');
  });

  it('a missing root gives no text', () => {
    expect(extractVisibleText(null, 100)).toBe('');
  });
});

describe('mainTextRoot', () => {
  it('prefers main over the body when main holds real text', () => {
    document.body.innerHTML = `<div>sidebar-chrome</div><main><p>${LONG}</p></main>`;
    const root = mainTextRoot(document);
    expect(root?.tagName).toBe('MAIN');
    expect(extractVisibleText(root, 4000)).not.toContain('sidebar-chrome');
  });

  it('uses article when there is no main, and role=main as well', () => {
    document.body.innerHTML = `<div>chrome</div><article>${LONG}</article>`;
    expect(mainTextRoot(document)?.tagName).toBe('ARTICLE');
    document.body.innerHTML = `<div>chrome</div><div role="main">${LONG}</div>`;
    expect(mainTextRoot(document)?.getAttribute('role')).toBe('main');
  });

  it('falls back to the body when main is nearly empty', () => {
    document.body.innerHTML = `<main>Loading…</main><div>${LONG}</div>`;
    expect(mainTextRoot(document)).toBe(document.body);
  });
});

describe('truncateAtWord', () => {
  it('leaves short text alone', () => {
    expect(truncateAtWord('short text', 50)).toBe('short text');
    expect(truncateAtWord('exactly ten', 11)).toBe('exactly ten');
  });

  it('cuts at the last space when it is near the bound', () => {
    expect(truncateAtWord('alpha beta gamma delta', 19)).toBe('alpha beta gamma');
  });

  it('cuts hard when the last space is far from the bound (one long word)', () => {
    const text = `a ${'x'.repeat(50)}`;
    expect(truncateAtWord(text, 20)).toBe(text.slice(0, 20));
  });

  it('never cuts an emoji (a surrogate pair) in half', () => {
    // The bound falls between the two UTF-16 halves of 😀 in both cases: hard cut and word cut.
    expect(truncateAtWord(`${'x'.repeat(19)}😀yz`, 20)).toBe('x'.repeat(19));
    expect(truncateAtWord(`rivers and valleys ${'😀'.repeat(10)}`, 20)).toBe('rivers and valleys');
    expect(truncateAtWord(`a ${'😀'.repeat(30)}`, 21)).toBe(`a ${'😀'.repeat(9)}`);
    for (let max = 1; max < 40; max++) expect(truncateAtWord('🌊😀 ab😀cd 😀😀😀 efg😀h'.repeat(2), max).isWellFormed(), String(max)).toBe(true);
  });
});

describe('hasCredentialFields', () => {
  it.each([
    '<form><input type="password"></form>',
    '<input autocomplete="cc-number">',
    '<input autocomplete="section-pay cc-number">',
    '<input autocomplete="one-time-code" inputmode="numeric">',
  ])('finds credential fields: %s', (html) => {
    document.body.innerHTML = html;
    expect(hasCredentialFields(document)).toBe(true);
  });

  it.each(['<input type="text">', '<input type="search" autocomplete="off">', `<p>${LONG}</p>`])(
    'an ordinary page has none: %s',
    (html) => {
      document.body.innerHTML = html;
      expect(hasCredentialFields(document)).toBe(false);
    },
  );
});
