/**
 * Rewrites the development base URL in the manifest to the production one.
 * Every occurrence is replaced, not just the first.
 */
const DEV_BASE_URL = 'https://localhost:3000/';

/** Normalises a base URL so that it ends in exactly one slash. */
function normalizeBaseUrl(url) {
  return `${String(url).trim().replace(/\/+$/, '')}/`;
}

/**
 * Checks that a production base URL is usable in a manifest (absolute, https, a folder: no query
 * or fragment) and returns it as the URL parser writes it: the host in punycode, spaces and
 * quotes %-encoded, ending in one slash.
 */
function checkProductionUrl(url) {
  let parsed;
  try {
    parsed = new URL(String(url).trim());
  } catch {
    throw new Error(`ITCOST_PUBLIC_URL is not a valid URL: ${url}`);
  }
  if (parsed.protocol !== 'https:') {
    throw new Error(`ITCOST_PUBLIC_URL must use https, as Office requires (got ${url})`);
  }
  if (parsed.search || parsed.hash) {
    throw new Error(`ITCOST_PUBLIC_URL must be the folder the files are served from, without ?query or #fragment (got ${url})`);
  }
  return normalizeBaseUrl(parsed.href);
}

function rewriteManifestUrls(manifestXml, productionBaseUrl) {
  return rewriteBaseUrl(manifestXml, checkProductionUrl(productionBaseUrl), true);
}

/**
 * Every occurrence of the development base URL in a text (a manifest, functions.json) replaced by
 * `baseUrl`; in XML (`xml`), with & written as &amp;.
 */
function rewriteBaseUrl(text, baseUrl, xml = false) {
  const base = normalizeBaseUrl(baseUrl);
  return text.split(DEV_BASE_URL).join(xml ? base.replace(/&/g, '&amp;') : base);
}

/**
 * The unified manifest (manifest.json) for a base URL: every URL rewritten, and its valid domains
 * the base URL's host (with its port), as the manifest's schema writes a domain.
 */
function rewriteUnifiedManifest(json, baseUrl) {
  const manifest = JSON.parse(rewriteBaseUrl(json, baseUrl));
  manifest.validDomains = [new URL(normalizeBaseUrl(baseUrl)).host];
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

module.exports = { DEV_BASE_URL, normalizeBaseUrl, checkProductionUrl, rewriteManifestUrls, rewriteBaseUrl, rewriteUnifiedManifest };
