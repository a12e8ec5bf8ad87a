/**
 * `hotich synth --registrations N [--pages] [--province 93]`: builds a synthetic province
 * (src/demo synth.ts) in the configured database, for load tests and
 * benchmarks. Prints its progress and, at the end, what was made and how fast.
 */
import { Invalid, parseCount } from '../core/index.js';
import { synthPageImage, synthProvince } from '../demo/index.js';
import { withContext } from './open-context.js';

export interface SynthCommandOptions {
  registrations: string;
  pages?: boolean;
  perBook?: string;
  seed?: string;
  firstVolume?: string;
  province?: string;
  data?: string;
}

function provinceCode(text: string): string {
  const code = text.trim();
  if (!/^\d{2}$/.test(code)) throw new Invalid('synth.province_code', `--province phải là mã tỉnh hai chữ số (ví dụ 93), không phải "${text}".`, 'province');
  return code;
}

export async function synthCommand(opts: SynthCommandOptions): Promise<void> {
  const registrations = parseCount('--registrations', opts.registrations, 1000);
  await withContext(opts.data, async (ctx) => {
    const image = opts.pages ? await synthPageImage(ctx) : undefined;
    let told = 0;
    const r = await synthProvince(
      ctx,
      {
        registrations,
        pages: opts.pages === true,
        perBook: parseCount('--per-book', opts.perBook, 100),
        seed: parseCount('--seed', opts.seed, 2026),
        firstVolume: parseCount('--first-volume', opts.firstVolume, 1),
        ...(opts.province ? { province: provinceCode(opts.province) } : {}),
        onProgress: (done) => {
          if (done - told >= 50_000) {
            told = done;
            console.error(`  … ${done.toLocaleString('vi-VN')} việc đăng ký`);
          }
        },
      },
      image,
    );
    console.log(
      `Đã tạo tỉnh tổng hợp: ${r.books} quyển sổ, ${r.registrations} việc đăng ký (${r.drafts} đang nhập), ${r.actions} thao tác, ${r.people} người trong chỉ mục tìm kiếm, ${r.pages} trang${opts.pages ? ' có ảnh' : ''}.`,
    );
    console.log(`Mất ${r.seconds.toFixed(1).replace('.', ',')} giây (${Math.round(r.registrations / r.seconds)} việc đăng ký/giây). Dữ liệu là tổng hợp, không phải người thật.`);
  });
}
