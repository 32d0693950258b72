import { spawn, spawnSync, type ChildProcess } from 'child_process';
import fs from 'fs';
import https from 'https';
import net from 'net';
import os from 'os';
import path from 'path';
import { readDist, ROOT } from './support/dist';

/** The base URL the server printed: with ITCOST_PORT=0 the system chose the port, and only the server knows it. */
function servedAt(output: string, protocol: 'http' | 'https'): string {
  const match = new RegExp(`${protocol}://localhost:(\\d+)/taskpane\\.html`).exec(output);
  if (!match) throw new Error(`no ${protocol} task pane URL in the output:\n${output}`);
  expect(Number(match[1])).toBeGreaterThan(0);
  return `${protocol}://localhost:${match[1]}`;
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output so far:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited early with ${code}:\n${output}`));
    });
  });
}

/** This machine's addresses on its network interfaces, loopback left out. */
function externalAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => i !== undefined && !i.internal && i.family === 'IPv4')
    .map((i) => i.address);
}

/** Whether something accepts a TCP connection at an address and port. */
function answers(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    socket.setTimeout(3000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** A port no one listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function httpsGet(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

// Excel cannot run here, so this is the path a Linux user takes: build, serve, explain.
// ITCOST_SKIP_BUILD keeps npm start from rebuilding dist/ (a development build) under the other tests' feet.
// ITCOST_PORT=0 has the server bind a free port itself, so no other process can take it first; the test reads it from the output.
describe('npm start where Excel cannot be launched', () => {
  let child: ChildProcess | undefined;
  // start.js runs the dev server as its own child: kill the whole process group if a test fails midway.
  afterEach(() => {
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  it('serves the add-in on localhost, prints how to sideload it, and stops with npm run stop', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'itcost-home-')); // no dev certificates here
    const env = { ...process.env, HOME: home, ITCOST_PORT: '0', ITCOST_NO_SIDELOAD: '1', ITCOST_SKIP_BUILD: '1' };
    child = spawn(process.execPath, ['scripts/start.js'], { cwd: ROOT, env, detached: true });
    const exited = new Promise<number | null>((resolve) => child?.on('exit', (code) => resolve(code)));
    const output = await waitForOutput(child, /Stop the server/, 120_000);

    const base = servedAt(output, 'http');
    // Over http Excel cannot load the add-in: no upload steps, one line saying what to run for https.
    expect(output).not.toMatch(/Upload My Add-in/);
    expect(output).toMatch(/Excel needs https: run `npx office-addin-dev-certs install`, then start again \(no development certificates were found/);
    expect(output).toMatch(/\(this computer only\)/);
    expect(output).toMatch(/The manifests name port 3000, not port \d+/);
    // The ready lines come last, after one summary line of the build (no module listings).
    expect(output.trimEnd().split('\n').at(-1)).toBe('Stop the server with Ctrl+C or `npm run stop`.');
    expect(output).not.toMatch(/\[webpack-dev-server\]|orphan modules|\bmodules by path\b/);

    for (const file of ['taskpane.html', 'functions.js', 'functions.json', 'manifest.xml', 'manifest.json', 'assets/icon-32.png', 'templates/provider-quotes.xlsx', 'help/index.html', 'help/breakeven.html']) {
      const response = await fetch(`${base}/${file}`);
      expect({ file, status: response.status }).toEqual({ file, status: 200 });
    }
    const metadata = (await (await fetch(`${base}/functions.json`)).json()) as { functions: unknown[] };
    expect(metadata.functions.length).toBe((JSON.parse(readDist('functions.json')) as { functions: unknown[] }).functions.length);

    // It listens on this computer only: another interface of this machine refuses the connection.
    const port = Number(new URL(base).port);
    for (const address of externalAddresses()) expect({ address, answered: await answers(address, port) }).toEqual({ address, answered: false });
    expect(await answers('127.0.0.1', port)).toBe(true);

    const stop = spawnSync(process.execPath, ['scripts/stop.js'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(stop.stdout).toMatch(/Stopped the ITCost dev server/);
    await exited;
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
    fs.rmSync(home, { recursive: true, force: true });
  }, 180_000);

  it('npm run dev-server: the manifests it serves name the port ITCOST_PORT sets, and npm run stop stops it', async () => {
    const port = await freePort();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'itcost-home-'));
    const env = { ...process.env, HOME: home, ITCOST_PORT: String(port), ITCOST_SKIP_BUILD: '1' };
    child = spawn(process.execPath, ['scripts/dev-server.js'], { cwd: ROOT, env, detached: true });
    const exited = new Promise<void>((resolve) => child?.on('exit', () => resolve()));
    const output = await waitForOutput(child, /Stop the server/, 120_000);
    expect(output).toMatch(new RegExp(`The manifests name this port \\(ITCOST_PORT=${port}\\)`));
    const unified = (await (await fetch(`http://localhost:${port}/manifest.json`)).json()) as { validDomains: string[]; extensions: { runtimes: { code: { page: string } }[] }[] };
    expect(unified.extensions[0].runtimes[0].code.page).toBe(`https://localhost:${port}/taskpane.html`);
    expect(unified.validDomains).toEqual([`localhost:${port}`]);
    expect(await (await fetch(`http://localhost:${port}/manifest.xml`)).text()).toContain(`https://localhost:${port}/functions.json`);
    const stop = spawnSync(process.execPath, ['scripts/stop.js'], { cwd: ROOT, env: { ...env, ITCOST_NO_SIDELOAD: '1' }, encoding: 'utf8' });
    expect(stop.stdout).toMatch(/Stopped the ITCost dev server/);
    await exited;
    expect(spawnSync(process.execPath, ['scripts/stop.js'], { cwd: ROOT, env: { ...env, ITCOST_NO_SIDELOAD: '1' }, encoding: 'utf8' }).stdout).toMatch(/No ITCost dev server is running/);
    fs.rmSync(home, { recursive: true, force: true });
  }, 180_000);

  it('serves over https with the certificates office-addin-dev-certs generated, read straight from disk', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'itcost-home-'));
    const certDir = path.join(home, '.office-addin-dev-certs');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateCertificates } = require('office-addin-dev-certs/lib/generate') as {
      generateCertificates: (ca: string, cert: string, key: string) => Promise<void>;
    };
    const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await generateCertificates(path.join(certDir, 'ca.crt'), path.join(certDir, 'localhost.crt'), path.join(certDir, 'localhost.key'));
    quiet.mockRestore();
    const env = { ...process.env, HOME: home, ITCOST_PORT: '0', ITCOST_NO_SIDELOAD: '1', ITCOST_SKIP_BUILD: '1' };
    child = spawn(process.execPath, ['scripts/start.js'], { cwd: ROOT, env, detached: true });
    const exited = new Promise<void>((resolve) => child?.on('exit', () => resolve()));
    const output = await waitForOutput(child, /Stop the server/, 120_000);
    const base = servedAt(output, 'https');
    expect(output).not.toMatch(/plain http/);
    const page = await httpsGet(`${base}/taskpane.html`, fs.readFileSync(path.join(certDir, 'ca.crt')));
    expect(page.status).toBe(200);
    expect(page.body).toContain('ITCost');
    child.kill('SIGTERM');
    await exited;
    fs.rmSync(home, { recursive: true, force: true });
  }, 180_000);
});
