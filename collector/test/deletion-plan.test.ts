import { describe, expect, it } from 'vitest';
import { dayRange, planDeletion } from '../src/deletions/plan';

const matched = [
  { id: 's1', bundle_id: 'b1' },
  { id: 's2', bundle_id: 'b1' },
  { id: 's3', bundle_id: 'b2' },
];

describe('planDeletion', () => {
  it('groups the matched signals by bundle and purges every bundle that carried one', () => {
    const plan = planDeletion(matched, { kind: 'site', origin: 'https://news.example' }, ['b9']);
    expect([...plan.perBundle]).toEqual([
      ['b1', ['s1', 's2']],
      ['b2', ['s3']],
    ]);
    // Not scope "all": the device's other bundles are left alone.
    expect([...plan.purge].sort()).toEqual(['b1', 'b2']);
  });

  it('also purges the bundles a scope names, even with no signal left in them', () => {
    const plan = planDeletion([], { kind: 'bundles', bundleIds: ['b7'] }, []);
    expect(plan.perBundle.size).toBe(0);
    expect([...plan.purge]).toEqual(['b7']);
  });

  it('purges all of the device’s bundles for scope "all"', () => {
    const plan = planDeletion(matched.slice(0, 1), { kind: 'all' }, ['b1', 'b4', 'b5']);
    expect([...plan.purge].sort()).toEqual(['b1', 'b4', 'b5']);
  });

  it('a "day" scope covers exactly that UTC day', () => {
    expect(dayRange('2026-11-25')).toEqual([Date.UTC(2026, 10, 25), Date.UTC(2026, 10, 26)]);
  });
});
