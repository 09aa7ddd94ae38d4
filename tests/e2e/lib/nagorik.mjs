// Starts a Nagorik of our own on a fresh SQLite database and a free port, and stops it.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync, closeSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = resolve(ROOT, process.env.NAGORIK_BIN ?? 'target/debug/nagorik');
const FIXTURE = join(ROOT, 'tests/fixtures/services.csv');
// `serve` trains the built-in theme classifier before it listens: seconds in a debug build, more on a busy machine.
const START_TIMEOUT_MS = 120_000;

/** Servers still running: killed if this test process is told to stop, so none is left behind. */
const running = new Set();
process.on('exit', () => { for (const child of running) child.kill('SIGKILL'); });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of running) child.kill('SIGKILL');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

/** A port nobody listens on right now (the kernel picks it). */
function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/** The environment without NAGORIK_* settings that could point the server elsewhere. */
function cleanEnv() {
  const env = { ...process.env, NAGORIK_LOG: 'warn' };
  for (const key of Object.keys(env)) {
    if (key.startsWith('NAGORIK_') && key !== 'NAGORIK_LOG') delete env[key];
  }
  return env;
}

function exited(child) {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) ok();
    else child.once('exit', () => ok());
  });
}

/** Polls GET /health until it answers 200; fails early if the process exits. */
async function waitUntilHealthy(baseUrl, child, logFile) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`nagorik exited with ${child.exitCode} before it was healthy:\n${readFileSync(logFile, 'utf8')}`);
    }
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = `status ${res.status}`;
    } catch (err) {
      last = err.cause?.code ?? err.message;
    }
    // Wait for the next poll; the condition, not this interval, ends the loop.
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`nagorik at ${baseUrl} not healthy after ${START_TIMEOUT_MS} ms (${last}):\n${readFileSync(logFile, 'utf8')}`);
}

/** Display names of the staff accounts that `createStaff` makes, one per role (Bangla and Latin script). */
const STAFF_NAMES = { designer: 'নাসরিন আক্তার', 'ministry-admin': 'Rafiq Islam', 'cabinet-admin': 'তানভীর হাসান' };

/**
 * Imports the fixture catalogue into a new database (or, with `{ demo: true }`, the full demo
 * catalogue: 48 ministries, 809 services) and serves it. Returns { baseUrl, host, createStaff(), stop() }.
 */
export async function startNagorik({ demo = false } = {}) {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`cargo build\` first`);
  const dir = mkdtempSync(join(tmpdir(), 'nagorik-e2e-'));
  const database = `sqlite://${join(dir, 'e2e.db')}`;
  const env = cleanEnv();
  const load = demo ? ['demo-data', '--feedback', '300', '--seed', '7'] : ['import-services', FIXTURE];
  execFileSync(BIN, ['--database-url', database, ...load], { env, stdio: ['ignore', 'ignore', 'pipe'] });

  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const logFile = join(dir, `serve-${attempt}.log`);
    const log = openSync(logFile, 'w');
    const child = spawn(BIN, ['--database-url', database, 'serve', '--bind', `127.0.0.1:${port}`], {
      env,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    running.add(child);
    child.once('exit', () => running.delete(child));
    const host = `127.0.0.1:${port}`;
    const baseUrl = `http://${host}`;
    try {
      await waitUntilHealthy(baseUrl, child, logFile);
    } catch (err) {
      child.kill('SIGKILL');
      await exited(child);
      // Someone else took the port between our probe and the bind: try another one.
      if (attempt < 3 && /cannot listen|in use/i.test(readFileSync(logFile, 'utf8'))) continue;
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
    let staffCount = 0;
    return {
      baseUrl,
      host,
      /**
       * Creates a staff account through `nagorik create-staff` (as an operator would, against the
       * database being served): `role` is designer, ministry-admin or cabinet-admin, `ministries`
       * the codes it may see (none for a cabinet admin). Returns { email, password, name, role }.
       */
      createStaff(role, ministries = []) {
        staffCount += 1;
        const account = {
          role,
          email: `${role}-${staffCount}@e2e.test`,
          name: STAFF_NAMES[role] ?? `Staff ${staffCount}`,
          password: `e2e-${randomBytes(9).toString('hex')}`,
        };
        const args = ['--database-url', database, 'create-staff', '--email', account.email, '--name', account.name, '--role', role];
        // Operators are placed in districts; other roles see ministries.
        for (const code of ministries) args.push(role === 'operator' ? '--district' : '--ministry', code);
        execFileSync(BIN, [...args, '--password-stdin'], { env, input: `${account.password}\n`, stdio: ['pipe', 'ignore', 'pipe'] });
        return account;
      },
      async stop() {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited(child);
          clearTimeout(killer);
        }
        // A page that failed (a 500) is explained in the server's log: show its errors.
        const errors = readFileSync(logFile, 'utf8').split('\n').filter((line) => /\bERROR\b/.test(line));
        if (errors.length) console.error(`nagorik at ${host} logged errors:\n${errors.slice(-20).join('\n')}`);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}
