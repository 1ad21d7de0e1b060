import type { Balance, Store } from '../store/types';

// Reward policy (which signals earn units) lives in ../rewards/scoring.ts.

export function balanceOf(store: Store, devicePub: string): Promise<Balance> {
  return store.balance(devicePub);
}
