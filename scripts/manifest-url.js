/**
 * Rewrites the development base URL in the manifest to the production one.
 * Every occurrence is replaced, not just the first.
 */
const DEV_BASE_URL = 'https://localhost:3000/';

/** Normalises a base URL so that it ends in exactly one slash. */
function normalizeBaseUrl(url) {
  return `${String(url).trim().replace(/\/+$/, '')}/`;
}

/** Checks that a production base URL is usable in a manifest: absolute and https. */
function checkProductionUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`ITCOST_PUBLIC_URL is not a valid URL: ${url}`);
  }
  if (parsed.protocol !== 'https:') {
    throw new Error(`ITCOST_PUBLIC_URL must use https, as Office requires (got ${url})`);
  }
  return normalizeBaseUrl(url);
}

function rewriteManifestUrls(manifestXml, productionBaseUrl) {
  return manifestXml.split(DEV_BASE_URL).join(checkProductionUrl(productionBaseUrl));
}

module.exports = { DEV_BASE_URL, normalizeBaseUrl, checkProductionUrl, rewriteManifestUrls };
