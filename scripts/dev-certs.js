/**
 * Finds the development certificates made by `npx office-addin-dev-certs install`.
 * We read the files ourselves: on Linux that command cannot trust its CA without sudo,
 * and office-addin-dev-certs' getHttpsServerOptions() then throws even though the files exist.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');

/** Returns { key, cert, ca } for https, or undefined if the certificates have not been made. */
function readDevCertificates(directory = CERT_DIR) {
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  const options = {};
  for (const [name, file] of Object.entries(files)) {
    const full = path.join(directory, file);
    if (!fs.existsSync(full)) return undefined;
    options[name] = fs.readFileSync(full);
  }
  return options;
}

module.exports = { CERT_DIR, readDevCertificates };
