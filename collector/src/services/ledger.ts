import type { Signal } from '../../../utils/wire/index';
import type { Balance, Store } from '../store/types';

/** Reward policy: one unit per accepted signal (for now). */
export function creditFor(signals: readonly Signal[]): number {
  return signals.length;
}

export function balanceOf(store: Store, devicePub: string): Promise<Balance> {
  return store.balance(devicePub);
}
