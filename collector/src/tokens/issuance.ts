// POST /v1/tokens/issue: the device asks for blind signatures on tokens it has blinded, signed
// with its device key because it spends that device's credit. The collector checks the signature,
// the clock, the epoch and the device's allowance, records how many units were issued (no token
// content: it never sees one unblinded here) and signs.
import { base64ToBytes, bytesToBase64 } from '../../../utils/wire/index';
import {
  tokenInfo,
  tokenIssueRequestHash,
  tokenSuite,
  verifyTokenIssueRequest,
  type TokenIssueRequest,
} from '../../../utils/wire/reward-tokens';
import type { Queries, Store } from '../db/store';
import { ApiError } from '../services/errors';
import { checkSkew } from '../services/verify';
import { issuableUnits } from './allowance';
import { epochAt, type EpochClock } from './epochs';
import type { IssuerKeys } from './issuer-keys';
import { issuanceByHash, recordIssuance } from './store';

export interface IssuanceDeps {
  store: Store;
  issuer: IssuerKeys;
  clock: EpochClock;
  maxSkewMs: number;
  limitDevice: (devicePub: string) => void;
}

export interface IssuanceResult {
  epoch: number;
  blindSignatures: string[];
  duplicate: boolean;
}

export async function issueTokens(deps: IssuanceDeps, req: TokenIssueRequest): Promise<IssuanceResult> {
  if (!verifyTokenIssueRequest(req)) throw new ApiError(401, 'bad_signature', 'the request is not signed by devicePub');
  deps.limitDevice(req.devicePub);
  const requestHash = tokenIssueRequestHash(req);
  const units = req.tokens.reduce((sum, t) => sum + t.denomination, 0);
  const repeated = (await issuanceByHash(deps.store.db, requestHash)) !== undefined;
  // Cheap refusals first: signing costs the collector far more than these reads.
  if (!repeated) {
    checkSkew(req.ts, deps.clock.now(), deps.maxSkewMs, 'ts');
    await checkIssuable(deps, req, units, deps.store.db);
  }
  const blindSignatures = await blindSign(deps, req);
  // The same signed request again (its answer was lost): the same signatures, no second charge.
  const duplicate = await deps.store.unit(
    async (tx) => {
      if (await issuanceByHash(tx, requestHash)) return true;
      await checkIssuable(deps, req, units, tx);
      await recordIssuance(tx, { requestHash, devicePub: req.devicePub, epoch: req.epoch, units, tokens: req.tokens.length });
      return false;
    },
    { serializeOn: req.devicePub },
  );
  return { epoch: req.epoch, blindSignatures, duplicate };
}

async function checkIssuable(deps: IssuanceDeps, req: TokenIssueRequest, units: number, db: Queries): Promise<void> {
  if (req.epoch !== epochAt(deps.clock)) throw new ApiError(409, 'wrong_epoch', 'tokens are issued only for the current epoch; fetch its key and blind again');
  const allowance = await issuableUnits(db, req.devicePub);
  if (units > allowance) throw new ApiError(409, 'over_allowance', `the tokens are worth ${units} units; this device may obtain ${allowance}`);
}

async function blindSign(deps: IssuanceDeps, req: TokenIssueRequest): Promise<string[]> {
  const { privateKey } = await deps.issuer.forEpoch(req.epoch);
  const suite = tokenSuite();
  const signatures: string[] = [];
  for (const t of req.tokens) {
    try {
      signatures.push(bytesToBase64(await suite.blindSign(privateKey, base64ToBytes(t.blinded), tokenInfo(req.epoch, t.denomination))));
    } catch {
      throw new ApiError(400, 'invalid_blinded_token', 'a blinded token is not a number below the issuer key’s modulus');
    }
  }
  return signatures;
}
