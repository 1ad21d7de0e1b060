import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ARTIFACT_JSON_PATH,
  ARTIFACT_TS_PATH,
  compileRewardToken,
  renderArtifactJson,
  renderArtifactTs,
} from '../compile';

// The committed artifacts are what the collector and the extension ship; they must be exactly
// what the committed Solidity source compiles to. Regenerate with `npx tsx contracts/compile.ts`.
describe('committed RewardToken artifacts', () => {
  const compiled = compileRewardToken();

  it('JSON artifact equals a fresh compile', () => {
    expect(readFileSync(ARTIFACT_JSON_PATH, 'utf8')).toBe(renderArtifactJson(compiled));
  });

  it('TypeScript artifact equals a fresh compile', () => {
    expect(readFileSync(ARTIFACT_TS_PATH, 'utf8')).toBe(renderArtifactTs(compiled));
  });

  it('exposes the voucher interface the collector relies on', () => {
    const names = compiled.abi.flatMap((item) => ('name' in item && item.name ? [`${item.type}:${item.name}`] : []));
    expect(names).toEqual(
      expect.arrayContaining([
        'function:claim',
        'function:claimFor',
        'function:claimed',
        'function:setVoucherSigner',
        'function:voucherSigner',
        'event:Claimed',
        'event:VoucherSignerChanged',
        'error:VoucherExpired',
        'error:NothingToClaim',
        'error:InvalidVoucherSignature',
      ]),
    );
  });
});
