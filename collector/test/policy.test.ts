// The collector applies its community's rules: the embedded defaults without a chain, CommonsPolicy's
// with one, and a change only once it has passed the vote and the timelock.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ruleChangeProposal, type Proposal } from '../../contracts/policy';
import { policyInForceSchema, type PolicyInForce } from '../../utils/collector-api/community';
import { generateDeviceKeyPair } from '../../utils/wire/index';
import { makeSignal } from '../../test/unit/wire/fixtures';
import { verifyCommunityDescriptor } from '../../utils/collector-api/community-descriptor';
import { readPolicyInForce } from '../src/policy/in-force';
import { loadConfig } from '../src/config';
import { SUPPORT } from '../../contracts/test/governance-driver';
import { startCommunityChain, TEST_GOVERNANCE, type CommunityChain } from './reward-chain';
import { contribute, startRewardsCollector, type RewardsCollector } from './rewards-support';
import { obtainTokens, redeem } from './tokens-support';

async function policyOf(c: RewardsCollector): Promise<PolicyInForce> {
  const res = await c.app.inject({ method: 'GET', url: '/v1/policy' });
  expect(res.statusCode).toBe(200);
  return policyInForceSchema.parse(res.json());
}

describe('GET /v1/policy without a chain', () => {
  it('answers the embedded rules, with the daily cap of the environment and no voucher signer', async () => {
    const c = await startRewardsCollector({ env: { COLLECTOR_REWARD_DAILY_CAP: '7' } });
    try {
      const policy = await policyOf(c);
      expect(policy).toEqual({
        source: 'embedded',
        rules: { rewardPerSignal: 1, dailyCap: 7, minK: 10, releaseCadence: 604_800, treasuryFeeBps: 0, license: 'CC-BY-4.0', voucherSigner: null },
        changes: [],
      });
      expect(c.app.policyInForce()).toEqual(policy);
      expect((await contribute(c.app, generateDeviceKeyPair(), [makeSignal(), makeSignal()])).receipt.credited).toBe(2);
    } finally {
      await c.close();
    }
  });
});

describe('a collector following its community policy on anvil', () => {
  let chain: CommunityChain;
  let c: RewardsCollector;

  beforeAll(async () => {
    chain = await startCommunityChain();
    c = await startRewardsCollector({ env: { ...chain.collectorEnv, COLLECTOR_PUBLIC_URL: 'http://collector.test' } });
  });

  afterAll(async () => {
    await c?.close();
    await chain?.stop();
  });

  it('names the community’s chain, token, governor and policy in its signed descriptor', async () => {
    const res = await c.app.inject({ method: 'GET', url: '/.well-known/tributary-community.json' });
    const verdict = verifyCommunityDescriptor(res.json(), 'http://collector.test');
    expect(verdict.ok ? verdict.descriptor.chain : verdict).toEqual({
      chainId: chain.anvil.chainId,
      token: chain.community.token,
      governor: chain.community.governor,
      policy: chain.community.policy,
    });
  });

  it('applies a passed change only after the timelock, logs it at /v1/policy and credits the next bundle by it', async () => {
    const { gov, community, signer, anvil } = chain;
    const [, , alice, , , other] = anvil.accounts;
    if (!alice || !other) throw new Error('anvil returned too few accounts');
    const device = generateDeviceKeyPair();

    const before = await policyOf(c);
    expect(before.source).toBe('chain');
    expect(before.rules).toMatchObject({ rewardPerSignal: 1, minK: 10, voucherSigner: signer.address });
    expect(before.chain).toMatchObject({ chainId: anvil.chainId, policy: community.policy, governor: community.governor, token: community.token });
    expect((await contribute(c.app, device, [makeSignal()])).receipt.credited).toBe(1);

    await gov.earn(signer, alice, 10n ** 18n);
    await gov.delegateToSelf(alice);
    const proposal: Proposal = {
      ...ruleChangeProposal(community.policy, 'rewardPerSignal', 3, 'Three units per signal, and a new voucher key'),
    };
    const signerChange = ruleChangeProposal(community.policy, 'voucherSigner', other.address, '');
    proposal.targets.push(...signerChange.targets);
    proposal.values.push(...signerChange.values);
    proposal.calldatas.push(...signerChange.calldatas);
    const id = await gov.propose(alice, proposal);
    await gov.mineBlocks(TEST_GOVERNANCE.votingDelay + 1);
    await gov.vote(alice, id, SUPPORT.for, 'contributors deserve more');
    await gov.mineBlocks(TEST_GOVERNANCE.votingPeriod);
    const queued = await gov.mined(await gov.queue(alice, proposal));

    // Passed and queued, not yet through the timelock: once the collector has followed the chain
    // past the queueing block, its rules are still the old ones.
    await vi.waitFor(() => expect(c.app.policyInForce().chain!.block).toBeGreaterThanOrEqual(queued.blockNumber), { timeout: 20_000, interval: 50 });
    expect((await policyOf(c)).rules.rewardPerSignal).toBe(1);
    expect((await contribute(c.app, device, [makeSignal()])).receipt.credited).toBe(1);

    await gov.advanceTime(TEST_GOVERNANCE.timelockDelay);
    const executed = await gov.mined(await gov.execute(alice, proposal));
    await vi.waitFor(() => expect(c.app.policyInForce().rules.rewardPerSignal).toBe(3), { timeout: 20_000, interval: 50 });

    const after = await policyOf(c);
    expect(after.rules.voucherSigner).toBe(other.address);
    expect(after.changes).toEqual([
      { rule: 'rewardPerSignal', previous: '1', current: '3', block: executed.blockNumber, tx: executed.transactionHash },
      { rule: 'voucherSigner', previous: signer.address, current: other.address, block: executed.blockNumber, tx: executed.transactionHash },
    ]);
    expect((await contribute(c.app, device, [makeSignal(), makeSignal()])).receipt.credited).toBe(6);
    // The community named another voucher key: this collector stops signing vouchers, for tokens too.
    const tokens = await obtainTokens(c.app, device, 1, Date.now());
    expect(tokens.length).toBe(1);
    const refused = await redeem(c.app, alice.address, tokens);
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error.code).toBe('not_voucher_signer');

    // A release made now reads the same rules, once, without a running collector.
    const once = await readPolicyInForce(loadConfig({ COLLECTOR_DATA_DIR: c.dataDir, ...chain.collectorEnv }).rewards);
    expect(once.rules).toEqual(after.rules);
  });
});
