/**
 * Structural validators for IIIF Image API 3.0 info.json and Presentation 3.0
 * manifests: required keys, types, URIs, language maps, canvases with one
 * painting annotation each. Return a list of problems (empty = valid).
 */
export type Json = Record<string, unknown>;
export const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const posInt = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
function isUri(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}
function isLanguageMap(v: unknown): boolean {
  const m = obj(v);
  return !!m && Object.keys(m).length > 0 && Object.values(m).every((x) => Array.isArray(x) && x.length > 0 && x.every((s) => typeof s === 'string' && s === s.normalize('NFC')));
}

const FEATURES = [
  'baseUriRedirect',
  'canonicalLinkHeader',
  'cors',
  'jsonldMediaType',
  'mirroring',
  'profileLinkHeader',
  'regionByPct',
  'regionByPx',
  'regionSquare',
  'rotationArbitrary',
  'rotationBy90s',
  'sizeByConfinedWh',
  'sizeByH',
  'sizeByPct',
  'sizeByW',
  'sizeByWh',
  'sizeUpscaling',
];

export function validateInfo(doc: unknown): string[] {
  const d = obj(doc) ?? {};
  const errors: string[] = [];
  const check = (ok: boolean, what: string) => ok || errors.push(what);
  check(d['@context'] === 'http://iiif.io/api/image/3/context.json', '@context');
  check(isUri(d.id), 'id');
  check(d.type === 'ImageService3', 'type');
  check(d.protocol === 'http://iiif.io/api/image', 'protocol');
  check(['level0', 'level1', 'level2'].includes(d.profile as string), 'profile');
  check(posInt(d.width) && posInt(d.height), 'width/height');
  for (const k of ['maxWidth', 'maxHeight', 'maxArea']) check(d[k] === undefined || posInt(d[k]), k);
  if (d.sizes !== undefined) {
    check(Array.isArray(d.sizes) && d.sizes.length > 0, 'sizes non-empty');
    for (const s of arr(d.sizes)) check(posInt(obj(s)?.width) && posInt(obj(s)?.height) && (obj(s)?.width as number) <= (d.width as number), 'sizes entry');
  }
  for (const f of arr(d.extraFeatures)) check(FEATURES.includes(f as string), `extraFeatures ${String(f)}`);
  for (const q of arr(d.extraQualities)) check(['default', 'color', 'gray', 'bitonal'].includes(q as string), 'extraQualities');
  for (const f of arr(d.extraFormats)) check(['jpg', 'png', 'webp', 'tif', 'gif', 'pdf', 'jp2'].includes(f as string), 'extraFormats');
  return errors;
}

export function validateManifest(doc: unknown): string[] {
  const d = obj(doc) ?? {};
  const errors: string[] = [];
  const ids = new Set<string>();
  const check = (ok: boolean, what: string) => ok || errors.push(what);
  const resource = (r: unknown, what: string) => {
    const o = obj(r) ?? {};
    check(isUri(o.id) && typeof o.type === 'string', `${what} id/type`);
    for (const s of arr(o.service)) check(isUri(obj(s)?.id) && obj(s)?.type === 'ImageService3' && typeof obj(s)?.profile === 'string', `${what} service`);
  };
  check(d['@context'] === 'http://iiif.io/api/presentation/3/context.json', '@context');
  check(isUri(d.id) && d.type === 'Manifest', 'manifest id/type');
  check(isLanguageMap(d.label), 'manifest label');
  check(d.summary === undefined || isLanguageMap(d.summary), 'summary');
  for (const m of arr(d.metadata)) check(isLanguageMap(obj(m)?.label) && isLanguageMap(obj(m)?.value), 'metadata entry');
  check(
    arr(d.behavior).every((b) => ['paged', 'individuals', 'continuous', 'unordered'].includes(b as string)),
    'behavior',
  );
  arr(d.thumbnail).forEach((t) => resource(t, 'manifest thumbnail'));
  check(arr(d.items).length > 0, 'items non-empty');
  for (const c of arr(d.items)) {
    const canvas = obj(c) ?? {};
    const cid = canvas.id as string;
    check(isUri(cid) && canvas.type === 'Canvas' && !ids.has(cid), `canvas id ${cid}`);
    ids.add(cid);
    check(posInt(canvas.width) && posInt(canvas.height), `canvas ${cid} width/height`);
    check(canvas.label === undefined || isLanguageMap(canvas.label), `canvas ${cid} label`);
    arr(canvas.thumbnail).forEach((t) => resource(t, `canvas ${cid} thumbnail`));
    const annotations = arr(canvas.items).flatMap((p) => {
      check(isUri(obj(p)?.id) && obj(p)?.type === 'AnnotationPage', `canvas ${cid} annotation page`);
      return arr(obj(p)?.items).map((a) => obj(a) ?? {});
    });
    const painting = annotations.filter((a) => a.motivation === 'painting');
    check(painting.length === 1, `canvas ${cid} has one painting annotation`);
    for (const a of painting) {
      check(isUri(a.id) && a.type === 'Annotation' && a.target === cid, `canvas ${cid} annotation targets it`);
      resource(a.body, `canvas ${cid} body`);
      check(obj(a.body)?.type === 'Image' && typeof obj(a.body)?.format === 'string', `canvas ${cid} body is an image`);
    }
  }
  return errors;
}
