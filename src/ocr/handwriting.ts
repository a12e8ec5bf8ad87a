/**
 * Is a page likely handwritten? Today's heuristic, cheap and honest about
 * what it sees: ballpoint and fountain-pen ink is blue or violet, print and
 * typewriter ribbon are black. The share of blue among the dark pixels of the
 * page's lower four fifths (the entries, not the printed heading) above
 * BLUE_INK_SHARE marks the page handwritten. An officer's mark overrides it.
 */
import sharp from 'sharp';

export const BLUE_INK_SHARE = 0.25;

export async function blueInkShare(scan: Buffer): Promise<number> {
  const { data, info } = await sharp(scan).removeAlpha().resize({ width: 600 }).raw().toBuffer({ resolveWithObject: true });
  let [dark, blue] = [0, 0];
  const from = Math.floor(info.height / 5) * info.width * info.channels;
  for (let i = from; i + 2 < data.length; i += info.channels) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (Math.min(r, g, b) > 150) continue;
    dark++;
    if (b > r + 30 && b > g + 15) blue++;
  }
  return dark === 0 ? 0 : blue / dark;
}
