// The device's half of token issuance: fetch the epoch's issuer key, refuse it unless the
// issuer-key log proves it, blind tokens worth the units, and later unblind the signatures.
// A batch (blinded request + what unblinding needs) is kept by the caller between the two steps,
// so an answer lost on the way is asked for again with the same signed request, never paid twice.
import { issuerKeyRoute, tokenIssueRoute } from '../collector-api/tokens';
import { callRoute, type CollectorEndpoint } from '../collector-client/request';
import {
  blindToken,
  importIssuerPublicKey,
  MAX_TOKENS_PER_REQUEST,
  splitIntoDenominations,
  unblindToken,
  verifyIssuerKeyProof,
  type IssuerKey,
  type PendingToken,
  type RewardToken,
  type TokenIssueRequest,
} from '../wire/reward-tokens';

export class IssuerKeyNotLogged extends Error {
  constructor() {
    super('the collector’s issuer key is not in its signed issuer-key log; no tokens were blinded to it');
    this.name = 'IssuerKeyNotLogged';
  }
}

/** Signs an issuance request with the device key. */
export type SignIssue = (fields: Omit<TokenIssueRequest, 'sig' | 'v'>) => Promise<TokenIssueRequest>;

export interface IssueBatch {
  key: IssuerKey;
  request: TokenIssueRequest;
  pending: PendingToken[];
}

/** The current epoch's issuer key, after checking its place in the log against the pinned receipt key. */
export async function loggedIssuerKey(endpoint: CollectorEndpoint, receiptPub: string): Promise<IssuerKey> {
  const proof = await callRoute(endpoint, issuerKeyRoute, {});
  if (!verifyIssuerKeyProof(proof, receiptPub)) throw new IssuerKeyNotLogged();
  return proof.key;
}

/** Blinds tokens worth `units` (at most one request's worth) to the logged key of the current epoch. */
export async function prepareBatch(endpoint: CollectorEndpoint, receiptPub: string, devicePub: string, units: number, signIssue: SignIssue, now: number): Promise<IssueBatch | null> {
  const denominations = splitIntoDenominations(units).slice(0, MAX_TOKENS_PER_REQUEST);
  if (denominations.length === 0) return null;
  const key = await loggedIssuerKey(endpoint, receiptPub);
  const publicKey = await importIssuerPublicKey(key.publicKey);
  const pending: PendingToken[] = [];
  for (const d of denominations) pending.push(await blindToken(publicKey, key.epoch, d));
  const request = await signIssue({ devicePub, epoch: key.epoch, ts: now, tokens: pending.map((p) => ({ denomination: p.denomination, blinded: p.blinded })) });
  return { key, request, pending };
}

/** Sends the batch's signed request (again, if need be) and unblinds the answer. */
export async function completeBatch(endpoint: CollectorEndpoint, batch: IssueBatch): Promise<RewardToken[]> {
  const reply = await callRoute(endpoint, tokenIssueRoute, { body: batch.request });
  if (reply.epoch !== batch.key.epoch || reply.blindSignatures.length !== batch.pending.length) {
    throw new Error('the collector answered for another epoch or another number of tokens');
  }
  const publicKey = await importIssuerPublicKey(batch.key.publicKey);
  return Promise.all(batch.pending.map((p, i) => unblindToken(publicKey, p, reply.blindSignatures[i]!)));
}
