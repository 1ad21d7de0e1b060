import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { artifactJsonPath, artifactTsPath, compileContracts, renderArtifactJson, renderArtifactTs, type ContractName } from '../compile';

// The committed artifacts are what the collector and the extension ship; they must be exactly
// what the committed Solidity sources compile to. Regenerate with `npx tsx contracts/compile.ts`.
describe('committed contract artifacts', () => {
  const compiled = compileContracts();

  it.each(compiled.map((c) => [c.contractName, c] as const))('%s: JSON and TypeScript artifacts equal a fresh compile', (name, c) => {
    expect(readFileSync(artifactJsonPath(name as ContractName), 'utf8')).toBe(renderArtifactJson(c));
    expect(readFileSync(artifactTsPath(name as ContractName), 'utf8')).toBe(renderArtifactTs(c));
  });

  const names = (name: ContractName): string[] =>
    compiled.find((c) => c.contractName === name)!.abi.flatMap((item) => ('name' in item && item.name ? [`${item.type}:${item.name}`] : []));

  it('RewardToken exposes the voucher interface the collector relies on, and votes and permits', () => {
    expect(names('RewardToken')).toEqual(
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
        'function:delegate',
        'function:getVotes',
        'function:getPastVotes',
        'function:permit',
      ]),
    );
  });

  it('every contract fits the 24 KiB code size limit of real chains (EIP-170)', () => {
    for (const c of compiled) expect((c.deployedBytecode.length - 2) / 2, c.contractName).toBeLessThanOrEqual(24_576);
  });

  it('TributaryGovernor has the whole proposal lifecycle', () => {
    expect(names('TributaryGovernor')).toEqual(
      expect.arrayContaining(['function:propose', 'function:castVoteWithReason', 'function:queue', 'function:execute', 'function:quorum', 'function:timelock']),
    );
  });
});
