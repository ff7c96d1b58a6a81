import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

// The real LiveGrid silo for end-to-end tests: the front end built into its wwwroot, published in Release, started on a
// free port with in-memory storage (no demo city: the test PUTs a small territory) and the test-only controllable clock.

export const repositoryRoot = resolve(import.meta.dirname, '../..');
export const artifactsDirectory = resolve(repositoryRoot, 'artifacts/e2e');
const publishDirectory = resolve(artifactsDirectory, 'silo');

/** The first administrator the e2e silo is started with (LiveGrid:Auth:BootstrapAdmin, as environment variables). */
export const adminUserName = 'e2e-admin';
export const adminPassword = 'e2e-admin-password';

/** POST /api/auth/token: a bearer token for API calls made by the test itself (Authorization: Bearer …). */
export async function signIn(url: string, userName = adminUserName, password = adminPassword): Promise<string> {
  const response = await fetch(`${url}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName, password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${userName} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export interface RunningSilo {
  url: string;
  logPath: string;
  stop(): Promise<void>;
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Builds the front end into the silo's wwwroot and publishes the silo, as deploy/run.sh does. */
export function buildSilo(): void {
  mkdirSync(artifactsDirectory, { recursive: true });
  if (process.env.LIVEGRID_E2E_SKIP_BUILD === '1') return;
  run('npm', ['run', 'build', '--silent'], resolve(repositoryRoot, 'frontend'));
  run('dotnet', ['publish', 'silo/LiveGrid.Silo/LiveGrid.Silo.csproj', '-c', 'Release', '-o', publishDirectory, '--nologo', '-v', 'quiet'], repositoryRoot);
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** Polls until the condition holds (a wait on a condition, not a fixed sleep), or fails with the message. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export async function startSilo(clockStart: string): Promise<RunningSilo> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logPath = resolve(artifactsDirectory, 'silo.log');
  const log = createWriteStream(logPath);
  const child: ChildProcess = spawn('dotnet', [
    resolve(publishDirectory, 'LiveGrid.Silo.dll'),
    '--contentRoot', publishDirectory,
    '--urls', url,
    '--LiveGrid:Storage:Provider=Memory',
    '--LiveGrid:Startup:LoadDemoCityWhenEmpty=false',
    '--LiveGrid:Testing:ManualClock=true',
    `--LiveGrid:Testing:ClockStart=${clockStart}`,
  ], {
    cwd: publishDirectory,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LiveGrid__Auth__BootstrapAdmin__UserName: adminUserName, LiveGrid__Auth__BootstrapAdmin__Password: adminPassword },
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let exited: string | null = null;
  const exit = new Promise<void>((done) => child.once('exit', (code, signal) => {
    exited = `exit ${code ?? signal}`;
    done();
  }));

  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      const killLater = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(killLater);
    }
    log.end();
  };

  try {
    await until('the silo to answer /healthz', async () => {
      if (exited !== null) throw new Error(`the silo stopped (${exited}); see ${logPath}`);
      return (await fetch(`${url}/healthz`)).ok ? true : undefined;
    }, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }

  return { url, logPath, stop };
}
