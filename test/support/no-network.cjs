/* Preloaded (node --require) by tests that must show a command works offline: every network call throws. */
const refuse = (what) => () => {
  throw new Error(`no network in this test: ${what} was called`);
};
for (const name of ['http', 'https']) Object.assign(require(name), { request: refuse(`${name}.request`), get: refuse(`${name}.get`) });
Object.assign(require('net'), { connect: refuse('net.connect'), createConnection: refuse('net.createConnection') });
Object.assign(require('dns'), { lookup: refuse('dns.lookup') });
globalThis.fetch = refuse('fetch');
