// @vitest-environment happy-dom
import { Readability } from '@mozilla/readability';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { articleText } from '../../../utils/collect/article-text';

const PARA = (topic: string) =>
  `<p>${`The ${topic} shapes the valley it runs through, carrying sediment down to the plain and the sea. `.repeat(4)}</p>`;
const ARTICLE = `<div class="story">${PARA('river')}${PARA('glacier')}${PARA('delta')}</div>`;

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('articleText', () => {
  it('reads the article and not the comments under it, nor their authors', () => {
    document.body.innerHTML = `<nav><a href="/">Home</a></nav>${ARTICLE}
      <div id="comments"><div class="comment"><span class="comment-author">Wilhelmina Oudshoorn</span><p>Lovely piece about the delta and its birds.</p></div></div>
      <ul class="user-list"><li>Bartosz Zielinski</li></ul>`;
    const text = articleText(document, 4000);
    expect(text).toContain('The glacier shapes the valley');
    expect(text).not.toContain('Wilhelmina');
    expect(text).not.toContain('Lovely piece');
    expect(text).not.toContain('Bartosz');
  });

  it('never changes the page it reads', () => {
    document.body.innerHTML = `<header>Site</header>${ARTICLE}<div class="comments"><p>A comment</p></div><form><input value="typed"></form>`;
    const before = document.documentElement.outerHTML;
    articleText(document, 4000);
    expect(document.documentElement.outerHTML).toBe(before);
    // A page marked as one article is read in place.
    document.body.innerHTML = `<header>Site</header><article>${ARTICLE}<div class="comments"><p>A comment</p></div><ul><li><a href="/x">More</a></li></ul></article>`;
    const marked = document.documentElement.outerHTML;
    expect(articleText(document, 4000)).toContain('The delta shapes the valley');
    expect(document.documentElement.outerHTML).toBe(marked);
  });

  it('reads open shadow roots like the light DOM, with slotted content, and keeps their hidden parts and fields out', () => {
    document.body.innerHTML = '<x-story><p slot="lede">Slotted lede about the estuary and its tides.</p></x-story>';
    const host = document.querySelector('x-story')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>.drawer { display: none }</style><div class="drawer">Signed in as Perpetua Gallagher</div>
      <slot name="lede"></slot>${ARTICLE}<input value="typed-in-shadow"><textarea>draft-in-shadow</textarea>`;
    const text = articleText(document, 4000);
    expect(text).toContain('Slotted lede about the estuary');
    expect(text).toContain('The delta shapes the valley');
    expect(text).not.toContain('Perpetua');
    expect(text).not.toContain('in-shadow');
  });

  it('falls back to the main region on a page that is no article, leaving out lists of links', () => {
    document.body.innerHTML = `<div class="bar"><a href="/account">Signed in as Cornelius Ashby</a></div>
      <div class="result"><a href="/a"><h3>Heat pump noise explained</h3></a><p>Most units are as loud as a fridge.</p></div>
      <div class="pager"><a href="?p=1">1</a> <a href="?p=2">2</a> <a href="?p=3">Next</a></div>`;
    expect(articleText(document, 4000)).toBe('Heat pump noise explained Most units are as loud as a fridge.');
  });

  it('stops at the bound', () => {
    document.body.innerHTML = ARTICLE;
    const text = articleText(document, 120);
    expect(text.length).toBeLessThanOrEqual(120);
    expect(text.length).toBeGreaterThan(90);
  });

  it('reads the article a page marks as its one <article> without running Readability, still without comments or link lists', () => {
    const parse = vi.spyOn(Readability.prototype, 'parse');
    document.body.innerHTML = `<header><a href="/">Home</a></header><main><article>${ARTICLE}
      <ul class="related"><li><a href="/a">Glaciers of the Alps, a long read</a></li><li><a href="/b">Deltas at risk from rising seas</a></li></ul>
      <section class="comments"><p class="comment-author">Wilhelmina Oudshoorn</p><p>Lovely piece.</p></section></article></main>`;
    const text = articleText(document, 4000);
    expect(parse).not.toHaveBeenCalled();
    expect(text).toMatch(/^The river shapes the valley/);
    expect(text).toContain('The delta shapes the valley');
    for (const absent of ['Wilhelmina', 'Lovely piece', 'Glaciers of the Alps', 'Home']) expect(text).not.toContain(absent);
  });

  it('leaves a page with several articles, or one small one beside the story, to Readability', () => {
    const parse = vi.spyOn(Readability.prototype, 'parse');
    document.body.innerHTML = `${ARTICLE}<aside><article><p>Teaser: a short note on estuaries.</p></article></aside>`;
    expect(articleText(document, 4000)).toContain('The glacier shapes the valley');
    document.body.innerHTML = `<article>${PARA('river')}</article><article>${PARA('glacier')}</article><article>${PARA('delta')}</article>`;
    articleText(document, 4000);
    expect(parse).toHaveBeenCalledTimes(2);
  });
});
