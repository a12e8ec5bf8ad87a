/**
 * The page image beside the form: OpenSeadragon on the page's IIIF Image
 * service (tiles at the screen's resolution, so the writing stays sharp when
 * zoomed). Opens fitted to the page width from the top, or on the record's
 * region when it has one. Buttons and the keyboard (see useShortcuts) drive
 * it through ViewerControls; with the image focused, OpenSeadragon's own
 * keys work too (+ / − / arrows / r).
 */
import OpenSeadragon from 'openseadragon';
import { useEffect, useRef, type RefObject } from 'react';
import type { RecordView } from './keying.api.js';
import { SIGNED_OUT_EVENT } from '../shared/index.js';

export interface ViewerControls {
  zoom(factor: number): void;
  rotate(): void;
  fitWidth(): void;
  fitPage(): void;
  pan(dy: number): void;
}

interface Props {
  pageId: string | undefined;
  pageLabel: string;
  region: RecordView['regions'][number] | undefined;
  controlsRef: RefObject<ViewerControls | null>;
  /** A box to outline on the page (the machine-read field in focus), in fractions of the page. */
  highlight?: { pageId: string; x: number; y: number; w: number; h: number } | undefined;
}

function fitWidth(v: OpenSeadragon.Viewer): void {
  const el = v.container;
  const aspect = el.clientHeight / Math.max(1, el.clientWidth);
  v.viewport.fitBounds(new OpenSeadragon.Rect(0, 0, 1, aspect), true);
}

function fitRegion(v: OpenSeadragon.Viewer, r: NonNullable<Props['region']>): void {
  const item = v.world.getItemAt(0);
  if (!item) return;
  const size = item.getContentSize();
  const rect = new OpenSeadragon.Rect(r.x * size.x, r.y * size.y, r.w * size.x, r.h * size.y);
  v.viewport.fitBounds(item.imageToViewportRectangle(rect), true);
}

function controlsOf(v: OpenSeadragon.Viewer): ViewerControls {
  return {
    zoom: (factor) => v.viewport.zoomBy(factor),
    rotate: () => v.viewport.setRotation((v.viewport.getRotation() + 90) % 360),
    fitWidth: () => fitWidth(v),
    fitPage: () => v.viewport.goHome(),
    pan: (dy) => v.viewport.panBy(new OpenSeadragon.Point(0, dy * (v.viewport.getBounds().height || 1))),
  };
}

/**
 * One OpenSeadragon viewer for the whole session, on an element of its own:
 * a record switch moves that element into the new screen instead of
 * destroying the viewer and building another (the slowest part of a switch),
 * and reopens the image only when the page changes.
 */
let shared: { el: HTMLDivElement; viewer: OpenSeadragon.Viewer; pageId: string | undefined } | undefined;

function sharedViewer(): NonNullable<typeof shared> {
  if (shared) return shared;
  const el = document.createElement('div');
  el.style.width = '100%';
  el.style.height = '100%';
  const viewer = OpenSeadragon({
    element: el,
    drawer: 'canvas',
    showNavigationControl: false,
    showNavigator: true,
    navigatorPosition: 'BOTTOM_RIGHT',
    maxZoomPixelRatio: 3,
    visibilityRatio: 0.3,
    animationTime: 0.4,
    zoomPerClick: 1,
    crossOriginPolicy: false,
    gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: true },
  });
  shared = { el, viewer, pageId: undefined };
  return shared;
}

/**
 * Destroys the session's viewer (its tiles and canvas), so that no page image
 * of the last user stays in memory after sign-out on a shared office PC. The
 * shell announces sign-out with a window event, so it need not import this
 * (lazily loaded) module.
 */
function releaseImageViewer(): void {
  if (!shared) return;
  shared.viewer.destroy();
  shared.el.remove();
  shared = undefined;
}
window.addEventListener(SIGNED_OUT_EVENT, releaseImageViewer);

export function ImageViewer({ pageId, pageLabel, region, controlsRef, highlight }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const viewer = useRef<OpenSeadragon.Viewer | null>(null);
  useEffect(() => {
    const h = host.current;
    if (!h) return;
    const s = sharedViewer();
    h.appendChild(s.el);
    viewer.current = s.viewer;
    controlsRef.current = controlsOf(s.viewer);
    return () => {
      controlsRef.current = null;
      viewer.current = null;
      if (s.el.parentElement === h) h.removeChild(s.el);
    };
  }, [controlsRef]);
  useEffect(() => {
    const v = viewer.current;
    if (!v || !pageId || !shared) return;
    const fit = () => (region?.pageId === pageId ? fitRegion(v, region) : fitWidth(v));
    if (shared.pageId === pageId && v.world.getItemCount() > 0) {
      fit();
      return;
    }
    shared.pageId = pageId;
    v.addOnceHandler('open', fit);
    v.open({ tileSource: `/iiif/3/${pageId}/info.json` });
    return () => v.removeHandler('open', fit);
  }, [pageId, region]);
  useEffect(() => {
    const v = viewer.current;
    if (!v || !highlight || highlight.pageId !== pageId) return;
    const el = document.createElement('div');
    el.className = 'ocr-box';
    el.dataset.testid = 'ocr-box';
    const place = () => {
      const item = v.world.getItemAt(0);
      if (!item) return;
      const size = item.getContentSize();
      const rect = new OpenSeadragon.Rect(highlight.x * size.x, highlight.y * size.y, highlight.w * size.x, highlight.h * size.y);
      v.addOverlay({ element: el, location: item.imageToViewportRectangle(rect) });
    };
    if (v.world.getItemCount() > 0) place();
    else v.addOnceHandler('open', place);
    return () => {
      v.removeHandler('open', place);
      v.removeOverlay(el);
    };
  }, [pageId, highlight]);
  const c = () => controlsRef.current;
  return (
    <section className="viewer" aria-label="Ảnh trang sổ">
      <div className="viewer-tools" role="toolbar" aria-label="Điều khiển ảnh">
        <span className="viewer-page">{pageLabel}</span>
        <button type="button" tabIndex={-1} onClick={() => c()?.zoom(1.25)} title="Phóng to (Alt+=)">
          +
        </button>
        <button type="button" tabIndex={-1} onClick={() => c()?.zoom(0.8)} title="Thu nhỏ (Alt+−)">
          −
        </button>
        <button type="button" tabIndex={-1} onClick={() => c()?.fitWidth()} title="Vừa chiều rộng (Alt+0)">
          ↔
        </button>
        <button type="button" tabIndex={-1} onClick={() => c()?.fitPage()} title="Cả trang (Alt+9)">
          ▢
        </button>
        <button type="button" tabIndex={-1} onClick={() => c()?.rotate()} title="Xoay 90° (Alt+R)">
          ⟳
        </button>
      </div>
      <div className="viewer-canvas" ref={host} data-testid="page-viewer" />
    </section>
  );
}
