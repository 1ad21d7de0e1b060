import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatUnits, type Address, type EIP1193Provider, type Hex } from 'viem';
import type { ClaimConfig } from '../../utils/collector-api/claim-page';
import type { RewardToken } from '../../utils/wire/reward-tokens';
import { describeError, describeTokens, forgetTokens, loadConfig, parseAddress, receiveTokens, redeem, walletAddress, type ClaimEnv } from './flow';
import { locale, t } from './i18n';

declare global {
  interface Window {
    ethereum?: EIP1193Provider;
  }
}

type State =
  | { kind: 'loading' }
  | { kind: 'no-tokens' }
  | { kind: 'ready'; tokens: RewardToken[] }
  | { kind: 'working'; tokens: RewardToken[] }
  | { kind: 'confirmed'; wallet: Address; txHash: Hex; amount: bigint }
  | { kind: 'not-sent'; wallet: Address; voucher: string }
  | { kind: 'error'; tokens: RewardToken[] | null; message: string };

/** Reward units shown as TRIB (1 unit = 1 TRIB). */
const TRIB = (amount: bigint): string => `${formatUnits(amount, 18)} TRIB`;
const unitsAsTrib = (units: number) => `${units} TRIB`;

function App({ env, incoming }: { env: ClaimEnv; incoming: RewardToken[] | null }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [config, setConfig] = useState<ClaimConfig | null>(null);
  const [address, setAddress] = useState('');

  useEffect(() => {
    void loadConfig(env).then(setConfig, () => undefined);
    setState(incoming ? { kind: 'ready', tokens: incoming } : { kind: 'no-tokens' });
  }, []);

  const fill = async () => {
    if (!env.provider) return;
    try {
      setAddress(await walletAddress(env.provider));
    } catch (err) {
      const d = describeError(err);
      if (!d.rejected) setState((s) => ({ kind: 'error', tokens: 'tokens' in s ? s.tokens : null, message: d.message }));
    }
  };

  const submit = (tokens: RewardToken[]) => async () => {
    const wallet = parseAddress(address);
    if (!wallet) return setState({ kind: 'error', tokens, message: t('claim.badAddress') });
    setState({ kind: 'working', tokens });
    try {
      const result = await redeem(env, wallet, tokens);
      forgetTokens(window, tokens);
      if (result.txHash && result.status === 'success') setState({ kind: 'confirmed', wallet, txHash: result.txHash as Hex, amount: result.amount });
      else setState({ kind: 'not-sent', wallet, voucher: JSON.stringify({ ...result.voucher, cumulativeAmount: String(result.voucher.cumulativeAmount), deadline: String(result.voucher.deadline) }) });
    } catch (err) {
      const d = describeError(err);
      setState({ kind: 'error', tokens, message: d.rejected ? t('claim.declined') : d.message });
    }
  };

  return (
    <main>
      <h1>{t('claim.heading')}</h1>
      {config && <p class="muted">{t('claim.network', [config.chainName, config.chainId])}</p>}
      <section data-state={state.kind}>
        <Body state={state} address={address} setAddress={setAddress} hasWallet={env.provider !== null} fill={fill} submit={submit} />
      </section>
    </main>
  );
}

function Body(props: {
  state: State;
  address: string;
  setAddress: (a: string) => void;
  hasWallet: boolean;
  fill: () => Promise<void>;
  submit: (tokens: RewardToken[]) => () => Promise<void>;
}) {
  const { state } = props;
  switch (state.kind) {
    case 'loading':
      return <p>{t('claim.loading')}</p>;
    case 'no-tokens':
      return <p>{t('claim.openFromDashboard')}</p>;
    case 'working':
      return <p aria-busy="true">{t('claim.redeeming', [String(state.tokens.length)])}</p>;
    case 'confirmed':
      return (
        <p>
          {t('claim.confirmed', [TRIB(state.amount), state.wallet])} <code data-testid="tx">{state.txHash}</code>
        </p>
      );
    case 'not-sent':
      return (
        <>
          <p role="alert">{t('claim.notSent', [state.wallet])}</p>
          <pre data-testid="voucher">{state.voucher}</pre>
        </>
      );
    case 'ready':
    case 'error': {
      const tokens = state.tokens;
      return (
        <>
          {state.kind === 'error' && <p role="alert">{t('claim.failed', [state.message])}</p>}
          {tokens && <Redeem tokens={tokens} {...props} />}
        </>
      );
    }
  }
}

function Redeem({ tokens, address, setAddress, hasWallet, fill, submit }: Parameters<typeof Body>[0] & { tokens: RewardToken[] }) {
  const { units, epochs } = describeTokens(tokens);
  return (
    <>
      <p data-testid="tokens-offered">{t('claim.tokensOffered', [String(tokens.length), unitsAsTrib(units), epochs.join(', ')])}</p>
      <p class="muted">{t('claim.freshAddressAdvice')}</p>
      <label>
        {t('claim.addressLabel')}{' '}
        <input name="wallet" value={address} onInput={(e) => setAddress((e.target as HTMLInputElement).value)} placeholder="0x…" size={44} />
      </label>{' '}
      {hasWallet && (
        <button type="button" onClick={() => void fill()}>
          {t('claim.useWallet')}
        </button>
      )}
      <p>
        <button type="button" onClick={submit(tokens)}>
          {t('claim.redeemAll', [unitsAsTrib(units)])}
        </button>
      </p>
    </>
  );
}

const env: ClaimEnv = { origin: location.origin, fetch: window.fetch.bind(window), provider: window.ethereum ?? null };
document.documentElement.lang = locale.replace('_', '-');
document.title = t('claim.pageTitle');
const root = document.getElementById('app');
if (root) render(<App env={env} incoming={receiveTokens(window)} />, root);
