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
  | { kind: 'rejected'; message: string }
  | { kind: 'error'; message: string };

const TRIB = (amount: bigint): string => `${formatUnits(amount, 18)} TRIB`;

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
      (err: unknown) => setState({ kind: 'error', message: describeError(err).message }),
    );
  }, []);

  /** Runs a step; wallet rejections and failures become visible states instead of exceptions. */
  const attempt = (step: string, action: () => Promise<void>) => async () => {
    setState({ kind: 'working', step });
    try {
      await action();
    } catch (err) {
      const { rejected, message } = describeError(err);
      setState({ kind: rejected ? 'rejected' : 'error', message });
    }
  };

  if (!env || !params || !config) return <Frame state={state} />;

  const linkAndLoad = async (wallet: Address): Promise<void> => {
    setState({ kind: 'working', step: 'Sign the link message in your wallet…' });
    await linkWallet(env, config, params, wallet, new Date());
    setState({ kind: 'working', step: 'Loading your rewards…' });
    setState({ kind: 'linked', wallet, rewards: await loadRewards(env, wallet) });
  };

  const connect = attempt('Connecting to your wallet…', async () => {
    const { wallet, chainId } = await connectWallet(env);
    if (chainId !== config.chainId) return setState({ kind: 'wrong-chain', wallet, actual: chainId });
    await linkAndLoad(wallet);
  });

  const switchChain = (wallet: Address) =>
    attempt(`Switching to ${config.chainName}…`, async () => {
      await switchToRewardChain(env, config);
      await linkAndLoad(wallet);
    });

  const claim = (wallet: Address, amount: bigint) =>
    attempt('Confirm the claim transaction in your wallet…', async () => {
      const { txHash } = await submitClaim(env, config, wallet);
      setState({ kind: 'pending', wallet, txHash, amount });
      const status = await waitForClaim(env, txHash);
      if (status === 'success') setState({ kind: 'confirmed', wallet, txHash, amount });
      else setState({ kind: 'error', message: `The claim transaction ${txHash} reverted.` });
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
      <h1>Claim your Tributary rewards</h1>
      {config && <p class="muted">Network: {config.chainName} (chain {config.chainId})</p>}
      <section data-state={state.kind}>
        <Body state={state} config={config} actions={actions} />
      </section>
    </main>
  );
}

function Body({ state, config, actions }: { state: State; config?: ClaimConfig; actions?: Actions }) {
  switch (state.kind) {
    case 'loading':
      return <p>Loading…</p>;
    case 'bad-link':
      return <p>This link is incomplete. Open the claim page from the Tributary extension's dashboard.</p>;
    case 'no-wallet':
      return <p>No Ethereum wallet found. Install a browser wallet (for example MetaMask), then reload this page.</p>;
    case 'ready':
      return (
        <>
          <p>Connect the wallet that should receive this device's rewards. You will sign a message linking the two; it costs nothing.</p>
          <button onClick={actions?.connect}>Connect wallet</button>
        </>
      );
    case 'working':
      return <p aria-busy="true">{state.step}</p>;
    case 'wrong-chain':
      return (
        <>
          <p>Your wallet is on chain {state.actual}; rewards are paid on {config?.chainName} (chain {config?.chainId}).</p>
          <button onClick={actions?.switchChain(state.wallet)}>Switch network</button>
        </>
      );
    case 'linked':
      return (
        <>
          <p>
            Wallet <code>{state.wallet}</code> is linked.
          </p>
          <p>
            Claimable: <strong data-testid="claimable">{TRIB(state.rewards.claimable)}</strong> · already claimed:{' '}
            {TRIB(state.rewards.claimed)}
          </p>
          {state.rewards.claimable > 0n ? (
            <button onClick={actions?.claim(state.wallet, state.rewards.claimable)}>Claim {TRIB(state.rewards.claimable)}</button>
          ) : (
            <p>Nothing to claim yet. Rewards accrue as your contributions are accepted.</p>
          )}
        </>
      );
    case 'pending':
      return (
        <p aria-busy="true">
          Claim of {TRIB(state.amount)} sent; waiting for confirmation. Transaction: <code data-testid="tx">{state.txHash}</code>
        </p>
      );
    case 'confirmed':
      return (
        <p>
          Claimed {TRIB(state.amount)} to <code>{state.wallet}</code>. Transaction: <code data-testid="tx">{state.txHash}</code>
        </p>
      );
    case 'rejected':
      return (
        <>
          <p>{state.message}</p>
          <button onClick={actions?.connect}>Try again</button>
        </>
      );
    case 'error':
      return (
        <>
          <p role="alert">Something went wrong: {state.message}</p>
          {actions && <button onClick={actions.connect}>Try again</button>}
        </>
      );
  }
}

const params = readLinkParams(location.search);
const env: ClaimEnv | null = window.ethereum
  ? { provider: window.ethereum, origin: location.origin, fetch: window.fetch.bind(window) }
  : null;
const root = document.getElementById('app');
if (root) render(<App env={env} params={params} />, root);
