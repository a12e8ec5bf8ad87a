/**
 * `hotich search "<query>" [--type KS] [--year yyyy | --from --to] [--unit <code>] [--limit n] [--json]`
 * prints the people found (record id, score, why), best first; `--user`
 * searches as that user (her scope), else as the system (everything).
 * `hotich search-index rebuild` recomputes the person index from the records.
 */
import type { Command } from 'commander';
import { contextOfUser, findUserByLogin, type ActorContext } from '../auth/index.js';
import { NotFound } from '../core/index.js';
import { rebuildPersonIndex, searchPeople, type SearchHit } from '../search/index.js';
import { withContext } from './open-context.js';

interface SearchOptions {
  type?: string;
  year?: string;
  from?: string;
  to?: string;
  unit?: string;
  so?: string;
  limit?: string;
  user?: string;
  data?: string;
  json?: boolean;
}

async function actingAs(ctx: ActorContext, login: string | undefined): Promise<ActorContext> {
  if (!login) return ctx;
  const user = await findUserByLogin(ctx, login);
  if (!user) throw new NotFound('user.not_found', `Không có người dùng "${login}".`);
  return contextOfUser(ctx, user.id, 'cli');
}

function line(h: SearchHit): string {
  const born = h.birthDate ? `, sinh ${h.birthDate}` : '';
  const book = `${h.registerType} số ${h.so || '?'}, quyển ${h.quyen || '?'}, ${h.authority}`;
  return `${h.score.toFixed(2)}  ${h.recordId}  ${h.name} (${h.roleLabel}${born}) — ${book}\n      ${h.reasons.join('; ')}`;
}

export function searchCommands(program: Command): void {
  program
    .command('search <query>')
    .description('tìm người trong các việc đăng ký theo họ tên (có dấu hay không dấu, gõ sai một chữ), năm, loại sổ, đơn vị')
    .option('--type <type>', 'loại sổ: KS, KT, KH, …')
    .option('--year <yyyy>', 'năm sinh hoặc năm đăng ký')
    .option('--from <date>', 'từ ngày (dd.mm.yyyy, mm.yyyy hoặc yyyy)')
    .option('--to <date>', 'đến ngày')
    .option('--unit <code>', 'đơn vị hành chính: mã, hoặc tên như "UBND xã Vũ Hội, huyện Vũ Thư" (cả tên cũ)')
    .option('--so <so>', 'số đăng ký')
    .option('--limit <n>', 'số kết quả tối đa', '20')
    .option('--user <login>', 'tìm với quyền và phạm vi của người dùng này')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .option('--json', 'in kết quả dạng JSON')
    .action((query: string, o: SearchOptions) =>
      withContext(o.data, async (ctx) => {
        const result = await searchPeople(await actingAs(ctx, o.user), {
          q: query,
          type: o.type,
          year: o.year as unknown as number | undefined,
          from: o.from,
          to: o.to,
          unit: o.unit,
          so: o.so,
          limit: o.limit as unknown as number,
        });
        if (o.json) return console.log(JSON.stringify(result));
        if (result.unit) console.log(`Đơn vị: ${result.unit.name}`);
        if (result.hits.length === 0) return console.log(`Không tìm thấy ai tên "${query}".`);
        console.log(`${result.hits.length} kết quả${result.fallback ? ' (tìm gần đúng trong phạm vi bộ lọc)' : ''}:`);
        for (const h of result.hits) console.log(line(h));
      }),
    );
  program
    .command('search-index')
    .description('chỉ mục tìm kiếm người')
    .command('rebuild')
    .description('tính lại toàn bộ chỉ mục tìm kiếm từ các bản ghi')
    .option('-d, --data <dir>', 'thư mục dữ liệu')
    .action((o: { data?: string }) =>
      withContext(o.data, async (ctx) => {
        const r = await rebuildPersonIndex(ctx.store.db);
        console.log(`Đã lập lại chỉ mục: ${r.records} bản ghi, ${r.people} người.`);
      }),
    );
}
