import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatUnits, type Address, type EIP1193Provider, type Hex } from 'viem';
import type { ClaimConfig, LinkParams, WalletRewards } from '../../utils/collector-api/claim-page';
import {
  connectWallet,
  describeError,
  linkWallet,
  loadConfig,
  loadRewards,
  readLinkParams,
  submitClaim,
  switchToRewardChain,
  waitForClaim,
  type ClaimEnv,
} from './flow';
import { locale, t } from './i18n';

declare global {
  interface Window {
    ethereum?: EIP1193Provider;
  }
}

type State =
  | { kind: 'loading' }
  | { kind: 'bad-link' }
  | { kind: 'no-wallet' }
  | { kind: 'ready' }
  | { kind: 'working'; step: string }
  | { kind: 'wrong-chain'; wallet: Address; actual: number }
  | { kind: 'linked'; wallet: Address; rewards: WalletRewards }
  | { kind: 'pending'; wallet: Address; txHash: Hex; amount: bigint }
  | { kind: 'confirmed'; wallet: Address; txHash: Hex; amount: bigint }
  | { kind: 'rejected' }
  | { kind: 'error'; message: string };

const TRIB = (amount: bigint): string => `${formatUnits(amount, 18)} TRIB`;

function errorState(err: unknown): State {
  const described = describeError(err);
  return described.rejected ? { kind: 'rejected' } : { kind: 'error', message: described.message };
}

function App({ env, params }: { env: ClaimEnv | null; params: LinkParams | null }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [config, setConfig] = useState<ClaimConfig | null>(null);

  useEffect(() => {
    if (!params) return setState({ kind: 'bad-link' });
    if (!env) return setState({ kind: 'no-wallet' });
    loadConfig(env).then(
      (c) => {
        setConfig(c);
        setState({ kind: 'ready' });
      },
      (err: unknown) => setState(errorState(err)),
    );
  }, []);

  /** Runs a step; wallet rejections and failures become visible states instead of exceptions. */
  const attempt = (step: string, action: () => Promise<void>) => async () => {
    setState({ kind: 'working', step });
    try {
      await action();
    } catch (err) {
      setState(errorState(err));
    }
  };

  if (!env || !params || !config) return <Frame state={state} />;

  const linkAndLoad = async (wallet: Address): Promise<void> => {
    setState({ kind: 'working', step: t('claim.signLink') });
    await linkWallet(env, config, params, wallet, new Date());
    setState({ kind: 'working', step: t('claim.loadingRewards') });
    setState({ kind: 'linked', wallet, rewards: await loadRewards(env, wallet) });
  };

  const connect = attempt(t('claim.connecting'), async () => {
    const { wallet, chainId } = await connectWallet(env);
    if (chainId !== config.chainId) return setState({ kind: 'wrong-chain', wallet, actual: chainId });
    await linkAndLoad(wallet);
  });

  const switchChain = (wallet: Address) =>
    attempt(t('claim.switching', [config.chainName]), async () => {
      await switchToRewardChain(env, config);
      await linkAndLoad(wallet);
    });

  const claim = (wallet: Address, amount: bigint) =>
    attempt(t('claim.confirmClaim'), async () => {
      const { txHash } = await submitClaim(env, config, wallet);
      setState({ kind: 'pending', wallet, txHash, amount });
      const status = await waitForClaim(env, txHash);
      if (status === 'success') setState({ kind: 'confirmed', wallet, txHash, amount });
      else setState({ kind: 'error', message: t('claim.reverted', [txHash]) });
    });

  return <Frame state={state} config={config} actions={{ connect, switchChain, claim }} />;
}

interface Actions {
  connect: () => Promise<void>;
  switchChain: (wallet: Address) => () => Promise<void>;
  claim: (wallet: Address, amount: bigint) => () => Promise<void>;
}

function Frame({ state, config, actions }: { state: State; config?: ClaimConfig; actions?: Actions }) {
  return (
    <main>
      <h1>{t('claim.heading')}</h1>
      {config && <p class="muted">{t('claim.network', [config.chainName, config.chainId])}</p>}
      <section data-state={state.kind}>
        <Body state={state} config={config} actions={actions} />
      </section>
    </main>
  );
}

function Body({ state, config, actions }: { state: State; config?: ClaimConfig; actions?: Actions }) {
  switch (state.kind) {
    case 'loading':
      return <p>{t('claim.loading')}</p>;
    case 'bad-link':
      return <p>{t('claim.badLink')}</p>;
    case 'no-wallet':
      return <p>{t('claim.noWallet')}</p>;
    case 'ready':
      return (
        <>
          <p>{t('claim.intro')}</p>
          <button onClick={actions?.connect}>{t('claim.connect')}</button>
        </>
      );
    case 'working':
      return <p aria-busy="true">{state.step}</p>;
    case 'wrong-chain':
      return (
        <>
          <p>{t('claim.wrongChain', [state.actual, config?.chainName ?? '', config?.chainId ?? ''])}</p>
          <button onClick={actions?.switchChain(state.wallet)}>{t('claim.switchNetwork')}</button>
        </>
      );
    case 'linked':
      return (
        <>
          <p>{t('claim.walletLinked', [state.wallet])}</p>
          <p>
            {t('claim.claimable')} <strong data-testid="claimable">{TRIB(state.rewards.claimable)}</strong> ·{' '}
            {t('claim.alreadyClaimed', [TRIB(state.rewards.claimed)])}
          </p>
          {state.rewards.claimable > 0n ? (
            <button onClick={actions?.claim(state.wallet, state.rewards.claimable)}>{t('claim.claimAmount', [TRIB(state.rewards.claimable)])}</button>
          ) : (
            <p>{t('claim.nothingYet')}</p>
          )}
        </>
      );
    case 'pending':
      return (
        <p aria-busy="true">
          {t('claim.pending', [TRIB(state.amount)])} <code data-testid="tx">{state.txHash}</code>
        </p>
      );
    case 'confirmed':
      return (
        <p>
          {t('claim.confirmed', [TRIB(state.amount), state.wallet])} <code data-testid="tx">{state.txHash}</code>
        </p>
      );
    case 'rejected':
      return (
        <>
          <p>{t('claim.declined')}</p>
          <button onClick={actions?.connect}>{t('claim.tryAgain')}</button>
        </>
      );
    case 'error':
      return (
        <>
          <p role="alert">{t('claim.failed', [state.message])}</p>
          {actions && <button onClick={actions.connect}>{t('claim.tryAgain')}</button>}
        </>
      );
  }
}

const params = readLinkParams(location.search);
const env: ClaimEnv | null = window.ethereum
  ? { provider: window.ethereum, origin: location.origin, fetch: window.fetch.bind(window) }
  : null;
document.documentElement.lang = locale.replace('_', '-');
document.title = t('claim.pageTitle');
const root = document.getElementById('app');
if (root) render(<App env={env} params={params} />, root);
