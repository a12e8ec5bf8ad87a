/**
 * Is a page likely handwritten? Today's heuristic, cheap and honest about
 * what it sees: ballpoint and fountain-pen ink is blue or violet, print and
 * typewriter ribbon are black. The share of blue among the dark pixels of the
 * page's entries area (below the printed heading, inside the margins) above
 * BLUE_INK_SHARE marks the page handwritten. An officer's mark overrides it.
 */
import sharp from 'sharp';

export const BLUE_INK_SHARE = 0.05;

export async function blueInkShare(scan: Buffer): Promise<number> {
  const { data, info } = await sharp(scan).removeAlpha().resize({ width: 600 }).raw().toBuffer({ resolveWithObject: true });
  let [dark, blue] = [0, 0];
  const [x0, x1] = [Math.floor(info.width * 0.05), Math.ceil(info.width * 0.95)];
  for (let y = Math.floor(info.height / 4); y < Math.floor(info.height * 0.95); y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * info.width + x) * info.channels;
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (0.299 * r + 0.587 * g + 0.114 * b > 130) continue;
      dark++;
      if (b > r + 30 && b > g + 15) blue++;
    }
  return dark === 0 ? 0 : blue / dark;
}
