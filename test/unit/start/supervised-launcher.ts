// A stand-in for scripts/start.ts with the real supervisor: two stand-in children (one ignores
// SIGTERM, as a hung process would) and one in-process resource. Prints its pid and the
// children's once all are running, and "closed" when the resource is stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { startSupervisor } from '../../../scripts/supervisor';

const supervisor = startSupervisor({ graceMs: 1_000, parentCheckMs: 100, log: () => undefined });

async function standIn(script: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', `${script}; console.log('ready'); setInterval(() => {}, 1000)`], { stdio: ['ignore', 'pipe', 'inherit'] });
  await once(child.stdout!, 'data');
  return child;
}

supervisor.own('in-process resource', async () => {
  process.stdout.write('closed\n');
});
const plain = await standIn('');
void supervisor.ownProcess('plain', plain);
const stubborn = await standIn("process.on('SIGTERM', () => {})");
void supervisor.ownProcess('stubborn', stubborn);
process.stdout.write(`${JSON.stringify({ pid: process.pid, children: [plain.pid, stubborn.pid] })}\n`);
