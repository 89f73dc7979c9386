/**
 * A real `redis-server` for the tests, on a free loopback port, never a mock. When the machine
 * has none, the Redis suites say so in one line and how to get it (`.ci/run` installs it).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** Where `redis-server` is, if anywhere. */
export const REDIS_SERVER = ['redis-server', '/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(
  (candidate) => spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0,
);

if (REDIS_SERVER === undefined) {
  console.warn('Redis suite skipped: no redis-server on this machine (apt-get install -y redis-server, or run bash .ci/run, which installs it)');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A running server: its port, and how to stop and start it again on the same port. */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  if (REDIS_SERVER === undefined) throw new Error('no redis-server');
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    const server = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = server;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve();
      });
      server.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
    });
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  await start();
  return { port, url: `redis://127.0.0.1:${port}`, stop, start };
}
