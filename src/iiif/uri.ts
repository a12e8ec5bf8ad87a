/**
 * IIIF ids must be absolute HTTP(S) URIs. A bad id is a programming or
 * configuration error (the caller builds ids from its public base URL), so it
 * throws a TypeError rather than a user-facing IiifError.
 */
export function assertHttpUri(id: string, what: string): void {
  let url: URL;
  try {
    url = new URL(id);
  } catch {
    throw new TypeError(`IIIF: ${what} is not an absolute URI: ${JSON.stringify(id)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`IIIF: ${what} must be an http(s) URI: ${JSON.stringify(id)}`);
  }
}
