/**
 * Security headers on every answer (@fastify/helmet), with a Content
 * Security Policy that the built web app passes (test/browser/csp): scripts
 * only from the app's own files (Vite emits no inline script); styles from
 * its own files, plus the one <style> element OpenSeadragon adds (allowed
 * by its hash). No 'unsafe-inline' for styles: React and OpenSeadragon set
 * element styles through the DOM (CSSOM), which CSP does not restrict, and
 * the app renders no style="" markup. img-src and worker-src also allow
 * blob: (and img-src data:) for OpenSeadragon's other tile-decoding paths (a
 * blob: worker, blob:/data: images): the drawer used today needs neither
 * (checked by removing them), but a change of drawer would otherwise fail
 * silently, and only the app's own scripts can create such URLs. No framing.
 * Referrer-Policy is same-origin, not helmet's no-referrer: the Fetch
 * standard has a browser send `Origin: null` on a POST under no-referrer
 * (Chromium sends the real origin anyway; other engines may follow the
 * standard), which the CSRF guard would refuse; same-origin also keeps the
 * Referer, the guard's fallback, for our own requests and leaks nothing out. HSTS only over HTTPS (directly, or behind a
 * proxy trusted with HOTICH_TRUST_PROXY): on plain HTTP it would be ignored
 * at best and lock a LAN installation out at worst.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** OpenSeadragon 6.1.1 injects `<style data-openseadragon-mobile-css>` with exactly this text; its sha256 is in style-src. */
export const OPENSEADRAGON_STYLE = '@media (hover: none) {    .openseadragon-canvas:focus {        outline: none !important;    }}';
const OPENSEADRAGON_STYLE_HASH = "'sha256-9xTiqzfwFaL2SGb1rmr8gysEwVVjIvqWAgmZgqFqpEE='";

export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", OPENSEADRAGON_STYLE_HASH],
  'img-src': ["'self'", 'blob:', 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

export const HSTS = 'max-age=31536000; includeSubDomains';

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
