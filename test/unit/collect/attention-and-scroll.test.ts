import { describe, expect, it } from 'vitest';
import { AttentionTimer } from '../../../utils/collect/attention';
import { scrollDepth } from '../../../utils/collect/scroll-depth';

describe('AttentionTimer', () => {
  it('counts time only while active', () => {
    const t = new AttentionTimer(true, 1000);
    expect(t.elapsed(1500)).toBe(500);
    t.setActive(false, 2000);
    expect(t.elapsed(9000)).toBe(1000);
    t.setActive(true, 10_000);
    expect(t.elapsed(10_250)).toBe(1250);
  });

  it('a page that starts in the background earns nothing until it is active', () => {
    const t = new AttentionTimer(false, 0);
    expect(t.elapsed(60_000)).toBe(0);
    t.setActive(true, 60_000);
    expect(t.elapsed(61_000)).toBe(1000);
  });

  it('repeated activity events do not restart or double-count the running span', () => {
    const t = new AttentionTimer(true, 0);
    t.setActive(true, 400);
    t.setActive(true, 800);
    expect(t.elapsed(1000)).toBe(1000);
    t.setActive(false, 1000);
    t.setActive(false, 5000);
    expect(t.elapsed(5000)).toBe(1000);
  });

  it('a clock that goes backwards never makes the total negative', () => {
    const t = new AttentionTimer(true, 5000);
    expect(t.elapsed(4000)).toBe(0);
    t.setActive(false, 3000);
    expect(t.elapsed(10_000)).toBe(0);
  });
});

describe('scrollDepth', () => {
  it('is the bottom of the viewport over the page height', () => {
    expect(scrollDepth(0, 1000, 4000)).toBe(0.25);
    expect(scrollDepth(1000, 1000, 4000)).toBe(0.5);
    expect(scrollDepth(3000, 1000, 4000)).toBe(1);
  });

  it('is capped at 1 and rounded to three decimals', () => {
    expect(scrollDepth(5000, 1000, 4000)).toBe(1);
    expect(scrollDepth(0, 1000, 3000)).toBe(0.333);
  });

  it('a page that fits in the viewport has been seen whole', () => {
    expect(scrollDepth(0, 1000, 800)).toBe(1);
    expect(scrollDepth(0, 1000, 1000)).toBe(1);
  });

  it('degenerate sizes give 0 and negative (overscroll) offsets count as the top', () => {
    expect(scrollDepth(100, 0, 4000)).toBe(0);
    expect(scrollDepth(100, 1000, 0)).toBe(0);
    expect(scrollDepth(-200, 1000, 4000)).toBe(0.25);
  });
});
