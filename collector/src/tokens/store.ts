// Rows of the token feature: issuer keys and their log, issuance per device, spent nullifiers.
import type { Queries } from '../db/store';
import type { IssuerKeysTable, IssuerLogRootsTable } from '../db/tables';

export async function issuerKeyRow(db: Queries, epoch: number): Promise<IssuerKeysTable | undefined> {
  return db.selectFrom('issuer_keys').selectAll().where('epoch', '=', epoch).executeTakeFirst();
}

/** Every issuer key in log order (leaf index). */
export async function issuerKeyRows(db: Queries): Promise<IssuerKeysTable[]> {
  return db.selectFrom('issuer_keys').selectAll().orderBy('leaf_index').execute();
}

export async function insertIssuerKey(tx: Queries, row: IssuerKeysTable): Promise<void> {
  await tx.insertInto('issuer_keys').values(row).execute();
}

export async function insertLogRoot(tx: Queries, row: IssuerLogRootsTable): Promise<void> {
  await tx.insertInto('issuer_log_roots').values(row).execute();
}

export async function logRootOfSize(db: Queries, size: number): Promise<IssuerLogRootsTable | undefined> {
  return db.selectFrom('issuer_log_roots').selectAll().where('size', '=', size).executeTakeFirst();
}

/** Reward units a device has turned into tokens so far. */
export async function issuedUnits(db: Queries, devicePub: string): Promise<number> {
  const row = await db
    .selectFrom('token_issuance')
    .select((eb) => eb.fn.sum<number | null>('units').as('units'))
    .where('device_pub', '=', devicePub)
    .executeTakeFirst();
  return Number(row?.units ?? 0);
}

export async function issuanceByHash(db: Queries, requestHash: string) {
  return db.selectFrom('token_issuance').select(['device_pub', 'epoch']).where('request_hash', '=', requestHash).executeTakeFirst();
}

export async function recordIssuance(tx: Queries, row: { requestHash: string; devicePub: string; epoch: number; units: number; tokens: number }): Promise<void> {
  await tx
    .insertInto('token_issuance')
    .values({ request_hash: row.requestHash, device_pub: row.devicePub, epoch: row.epoch, units: row.units, tokens: row.tokens })
    .execute();
}

/** Devices that obtained tokens in an epoch: the epoch's anonymity set. */
export async function epochDevices(db: Queries, epoch: number): Promise<number> {
  const row = await db
    .selectFrom('token_issuance')
    .select((eb) => eb.fn.count<number>('device_pub').distinct().as('devices'))
    .where('epoch', '=', epoch)
    .executeTakeFirst();
  return Number(row?.devices ?? 0);
}

/** Which of these nullifiers are already spent. */
export async function spentAmong(db: Queries, nullifiers: readonly string[]): Promise<string[]> {
  if (nullifiers.length === 0) return [];
  const rows = await db.selectFrom('spent_tokens').select('nullifier').where('nullifier', 'in', nullifiers).execute();
  return rows.map((r) => r.nullifier);
}

/** Records the nullifiers; false (and nothing written by this call survives the unit's rollback) if any was spent already. */
export async function spend(tx: Queries, tokens: readonly { nullifier: string; epoch: number; denomination: number }[]): Promise<boolean> {
  const result = await tx
    .insertInto('spent_tokens')
    .values(tokens.map((t) => ({ nullifier: t.nullifier, epoch: t.epoch, denomination: t.denomination })))
    .onConflict((oc) => oc.column('nullifier').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === tokens.length;
}
