// The command line both deploy scripts take: where to deploy, with which key, which address signs
// vouchers, and optionally a file to write the collector's chain settings to (node --env-file).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getAddress, isAddress, isHex, type Hex } from 'viem';
import { z } from 'zod';
import type { DeployOptions } from './deploy';

const cliSchema = z.object({
  rpc: z.url(),
  key: z.string().refine((s): s is Hex => isHex(s) && s.length === 66, 'deployer key must be 32-byte hex'),
  signer: z.string().refine((s) => isAddress(s), 'signer must be an address').transform((s) => getAddress(s)),
  env: z.string().min(1).optional(),
});

export interface DeployArgs extends DeployOptions {
  /** Where to write the collector's environment for what was deployed. */
  envFile?: string;
}

/** The parsed arguments, or null after printing the usage of `script` (exit code 2). */
export function parseDeployArgs(argv: string[], script: string): DeployArgs | null {
  const { values } = parseArgs({
    args: argv,
    options: { rpc: { type: 'string' }, key: { type: 'string' }, signer: { type: 'string' }, env: { type: 'string' } },
  });
  const parsed = cliSchema.safeParse({ ...values, key: values.key ?? process.env.DEPLOYER_KEY });
  if (!parsed.success) {
    console.error(`usage: tsx ${script} --rpc URL --key HEX|$DEPLOYER_KEY --signer ADDR [--env FILE]\n${z.prettifyError(parsed.error)}`);
    process.exitCode = 2;
    return null;
  }
  const { rpc, key, signer, env } = parsed.data;
  return { rpcUrl: rpc, deployerKey: key, signerAddress: signer, envFile: env };
}

/** Writes `NAME=value` lines for the collector (`node --env-file=FILE`); values here never need quoting. */
export function writeCollectorEnv(file: string, vars: Record<string, string>): void {
  writeFileSync(file, Object.entries(vars).map(([name, value]) => `${name}=${value}\n`).join(''), { mode: 0o600 });
}
