import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatUnits, isAddress, type Address, type EIP1193Provider } from 'viem';
import type { PolicyInForce } from '../../utils/collector-api/community';
import { describeError } from '../claim-page/flow';
import { RULE_NAMES, type RuleName } from '../policy';
import {
  advanceProposal,
  castVote,
  communityOf,
  connectWallet,
  delegateVotes,
  listProposals,
  loadPolicy,
  parseRuleValue,
  propose,
  readVoter,
  type Community,
  type GovernanceEnv,
  type ProposalState,
  type ProposalView,
  type Support,
  type Voter,
} from './flow';
import { locale, t, type GovernanceMessageKey } from './i18n';

declare global {
  interface Window {
    ethereum?: EIP1193Provider;
  }
}

const TRIB = (amount: bigint): string => `${formatUnits(amount, 18)} TRIB`;
const when = (seconds: bigint): string => new Date(Number(seconds) * 1000).toLocaleString(locale.replace('_', '-'));

const RULE_LABEL: Record<RuleName, GovernanceMessageKey> = {
  rewardPerSignal: 'governance.ruleRewardPerSignal',
  dailyCap: 'governance.ruleDailyCap',
  minK: 'governance.ruleMinK',
  license: 'governance.ruleLicense',
  releaseCadence: 'governance.ruleReleaseCadence',
  treasuryFeeBps: 'governance.ruleTreasuryFeeBps',
  voucherSigner: 'governance.ruleVoucherSigner',
};

const STATE_LABEL: Record<ProposalState, GovernanceMessageKey> = {
  pending: 'governance.statePending',
  active: 'governance.stateActive',
  canceled: 'governance.stateCanceled',
  defeated: 'governance.stateDefeated',
  succeeded: 'governance.stateSucceeded',
  queued: 'governance.stateQueued',
  expired: 'governance.stateExpired',
  executed: 'governance.stateExecuted',
};

/** What the page is doing or why it stopped: one line above everything else. */
type Status = { kind: 'idle' } | { kind: 'working'; step: string } | { kind: 'declined' } | { kind: 'error'; message: string };

interface Session {
  wallet: Address;
  voter: Voter;
  proposals: ProposalView[];
}

function App({ env }: { env: GovernanceEnv | null }) {
  const [policy, setPolicy] = useState<PolicyInForce | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'working', step: t('governance.loading') });
  const [wrongChain, setWrongChain] = useState<number | null>(null);
  const [session, setSession] = useState<Session | null>(null);

  const fail = (err: unknown) => {
    const described = describeError(err);
    setStatus(described.rejected ? { kind: 'declined' } : { kind: 'error', message: described.message });
  };

  useEffect(() => {
    if (!env) return;
    loadPolicy(env).then((p) => {
      setPolicy(p);
      setStatus({ kind: 'idle' });
    }, fail);
  }, []);

  const community = policy ? communityOf(policy) : null;
  const reload = async (c: Community, wallet: Address) => {
    const [p, voter, proposals] = await Promise.all([loadPolicy(env!), readVoter(env!, c, wallet), listProposals(env!, c, wallet)]);
    setPolicy(p);
    setSession({ wallet, voter, proposals });
  };
  /** Runs one step; the wallet's refusal and failures become the status line, never an exception. */
  const attempt = (step: string, action: () => Promise<void>) => async () => {
    setStatus({ kind: 'working', step });
    try {
      await action();
      setStatus({ kind: 'idle' });
    } catch (err) {
      fail(err);
    }
  };

  if (!env) return <Frame status={{ kind: 'error', message: t('governance.noWallet') }} />;
  if (!policy) return <Frame status={status} />;
  if (!community) return <Frame status={status} policy={policy}><p data-testid="no-community">{t('governance.noCommunity')}</p></Frame>;

  const connect = attempt(t('governance.connecting'), async () => {
    const { wallet, chainId } = await connectWallet(env);
    if (chainId !== community.chainId) return setWrongChain(chainId);
    await reload(community, wallet);
  });
  const inWallet = (action: (wallet: Address) => Promise<unknown>) => (wallet: Address) =>
    attempt(t('governance.confirmInWallet'), async () => {
      await action(wallet);
      await reload(community, wallet);
    })();

  return (
    <Frame status={status} policy={policy}>
      {wrongChain !== null && <p role="alert">{t('governance.wrongChain', [wrongChain, community.chainId])}</p>}
      {!session ? (
        <button onClick={connect}>{t('governance.connect')}</button>
      ) : (
        <>
          <Votes session={session} onDelegate={(to) => inWallet((w) => delegateVotes(env, community, w, to))(session.wallet)} />
          <ProposeForm onPropose={(rule, value, description) => inWallet((w) => propose(env, community, w, rule, value as never, description))(session.wallet)} />
          <section>
            <h2>{t('governance.proposalsHeading')}</h2>
            <button onClick={attempt(t('governance.loading'), () => reload(community, session.wallet))}>{t('governance.refresh')}</button>
            {session.proposals.length === 0 && <p>{t('governance.noProposals')}</p>}
            {session.proposals.map((p) => (
              <ProposalCard
                key={p.id.toString()}
                proposal={p}
                onVote={(support, reason) => inWallet((w) => castVote(env, community, w, p.id, support, reason))(session.wallet)}
                onAdvance={(step) => inWallet((w) => advanceProposal(env, community, w, p, step))(session.wallet)}
              />
            ))}
          </section>
        </>
      )}
    </Frame>
  );
}

function Frame({ status, policy, children }: { status: Status; policy?: PolicyInForce; children?: preact.ComponentChildren }) {
  return (
    <main>
      <h1>{t('governance.heading')}</h1>
      {policy?.chain && <p class="muted">{t('governance.network', [policy.chain.chainId])}</p>}
      <StatusLine status={status} />
      {policy && <Rules policy={policy} />}
      {children}
    </main>
  );
}

function StatusLine({ status }: { status: Status }) {
  switch (status.kind) {
    case 'idle':
      return null;
    case 'working':
      return <p aria-busy="true" data-testid="status">{status.step}</p>;
    case 'declined':
      return <p role="alert">{t('governance.declined')}</p>;
    case 'error':
      return <p role="alert">{t('governance.failed', [status.message])}</p>;
  }
}

function Rules({ policy }: { policy: PolicyInForce }) {
  return (
    <section>
      <h2>{t('governance.policyHeading')}</h2>
      <dl data-testid="rules">
        {RULE_NAMES.map((rule) => (
          <>
            <dt>{t(RULE_LABEL[rule])}</dt>
            <dd data-rule={rule}>{String(policy.rules[rule] ?? t('governance.noSigner'))}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}

function Votes({ session, onDelegate }: { session: Session; onDelegate: (to: Address) => void }) {
  const { wallet, voter } = session;
  const [other, setOther] = useState('');
  const delegated = voter.delegate.toLowerCase() === wallet.toLowerCase();
  const none = /^0x0{40}$/.test(voter.delegate);
  return (
    <section>
      <h2>{t('governance.votesHeading')}</h2>
      <p>{t('governance.account', [wallet])}</p>
      <p>
        {t('governance.balance', [TRIB(voter.balance)])} · <span data-testid="voting-power">{t('governance.votingPower', [TRIB(voter.votes)])}</span>
      </p>
      <p data-testid="delegation">{delegated ? t('governance.delegatedToSelf') : none ? t('governance.notDelegated') : t('governance.delegatedTo', [voter.delegate])}</p>
      <p class="muted">{t('governance.selfDelegationWhy')}</p>
      {!delegated && <button onClick={() => onDelegate(wallet)}>{t('governance.delegateSelf')}</button>}
      <label>
        {t('governance.delegateOther')}
        <input value={other} onInput={(e) => setOther(e.currentTarget.value)} placeholder="0x…" />
      </label>
      <button disabled={!isAddress(other)} onClick={() => onDelegate(other as Address)}>
        {t('governance.delegate')}
      </button>
    </section>
  );
}

function ProposeForm({ onPropose }: { onPropose: (rule: RuleName, value: unknown, description: string) => void }) {
  const [rule, setRule] = useState<RuleName>('minK');
  const [value, setValue] = useState('');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<GovernanceMessageKey | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    const parsed = parseRuleValue(rule, value);
    if (parsed === null) return setProblem('governance.invalidValue');
    if (!description.trim()) return setProblem('governance.needDescription');
    setProblem(null);
    onPropose(rule, parsed, description.trim());
  };
  return (
    <section>
      <h2>{t('governance.proposeHeading')}</h2>
      <form onSubmit={submit}>
        <label>
          {t('governance.proposeRule')}
          <select value={rule} onChange={(e) => setRule(e.currentTarget.value as RuleName)}>
            {RULE_NAMES.map((r) => (
              <option value={r}>{t(RULE_LABEL[r])}</option>
            ))}
          </select>
        </label>
        <label>
          {t('governance.proposeValue')}
          <input value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        </label>
        <label>
          {t('governance.proposeDescription')}
          <textarea value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
        </label>
        {problem && <p role="alert">{t(problem)}</p>}
        <button type="submit">{t('governance.proposeSubmit')}</button>
      </form>
    </section>
  );
}

function ProposalCard({ proposal: p, onVote, onAdvance }: { proposal: ProposalView; onVote: (s: Support, reason: string) => void; onAdvance: (step: 'queue' | 'execute') => void }) {
  const [reason, setReason] = useState('');
  return (
    <article data-testid="proposal" data-state={p.state}>
      <p>
        <strong>{p.description}</strong>
      </p>
      <ul>
        {p.changes.map((change) => (
          <li>{change ? t('governance.changeSets', [t(RULE_LABEL[change.rule]), change.value]) : t('governance.unknownCall')}</li>
        ))}
      </ul>
      <p class="muted">{t('governance.proposedBy', [p.proposer])}</p>
      <p>
        <span data-testid="proposal-state">{t(STATE_LABEL[p.state])}</span> · {t('governance.votingEnds', [p.voteEnd.toString()])}
        {p.eta > 0n && <> · {t('governance.runsAfter', [when(p.eta)])}</>}
      </p>
      <p data-testid="tally">{t('governance.tally', [TRIB(p.votes.for), TRIB(p.votes.against), TRIB(p.votes.abstain)])}</p>
      {p.state === 'active' && p.hasVoted && <p>{t('governance.voted')}</p>}
      {p.state === 'active' && !p.hasVoted && (
        <>
          <label>
            {t('governance.reason')}
            <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <button onClick={() => onVote('for', reason)}>{t('governance.voteFor')}</button>{' '}
          <button onClick={() => onVote('against', reason)}>{t('governance.voteAgainst')}</button>{' '}
          <button onClick={() => onVote('abstain', reason)}>{t('governance.voteAbstain')}</button>
        </>
      )}
      {p.state === 'succeeded' && <button onClick={() => onAdvance('queue')}>{t('governance.queue')}</button>}
      {p.state === 'queued' && <button onClick={() => onAdvance('execute')}>{t('governance.execute')}</button>}
    </article>
  );
}

const env: GovernanceEnv | null = window.ethereum
  ? { provider: window.ethereum, origin: location.origin, fetch: window.fetch.bind(window) }
  : null;
document.documentElement.lang = locale.replace('_', '-');
document.title = t('governance.pageTitle');
const root = document.getElementById('app');
if (root) render(<App env={env} />, root);
