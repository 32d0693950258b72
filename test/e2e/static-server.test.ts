/** The browser tests' static server hands out the served folder's files and nothing else. */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { serveDist } from './browser';

let folder: string;
let server: Awaited<ReturnType<typeof serveDist>>;
beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'itcost-serve-'));
  fs.mkdirSync(path.join(folder, 'dist'));
  fs.writeFileSync(path.join(folder, 'dist', 'page.html'), '<p>served</p>');
  // A sibling whose name starts with the served folder's: a prefix check on the path would let it through.
  fs.mkdirSync(path.join(folder, 'dist-secret'));
  fs.writeFileSync(path.join(folder, 'dist-secret', 'x.txt'), 'secret');
  server = await serveDist(path.join(folder, 'dist'));
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** A GET with the path exactly as written: no client-side normalisation of dots or escapes. */
function get(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http
      .get(`${server.url}${rawPath}`, { timeout: 5_000 }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
    request.on('timeout', () => request.destroy(new Error(`no answer to ${rawPath}`)));
  });
}

it('serves a file of the folder it serves', async () => {
  expect(await get('/page.html')).toEqual({ status: 200, body: '<p>served</p>' });
});

it.each(['/..%2fdist-secret/x.txt', '/%2e%2e%2fdist-secret%2fx.txt', '/..%5cdist-secret%5cx.txt'])('refuses %s, a path out to a sibling folder', async (rawPath) => {
  const response = await get(rawPath);
  expect(response.status).toBe(404);
  expect(response.body).not.toContain('secret');
});

it('answers a malformed %-escape with 400 and keeps serving', async () => {
  expect((await get('/%E0%A4%A.js')).status).toBe(400);
  expect((await get('/%')).status).toBe(400);
  expect((await get('/page.html')).status).toBe(200);
});
