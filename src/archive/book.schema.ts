/** Inputs of the inventory (HTTP, CLI): a book and its changes. Messages are Vietnamese. */
import { z } from 'zod';

export const BOOK_CONDITIONS = ['good', 'damaged', 'partly_illegible', 'missing_pages'] as const;
export const PAGE_STATUSES = ['present', 'missing', 'blank'] as const;

const partialDate = z
  .string()
  .trim()
  .regex(/^(\d{2}\.)?(\d{2}\.)?\d{4}$/, 'Ngày phải có dạng dd.mm.yyyy, mm.yyyy hoặc yyyy.');

const year = z.coerce.number({ message: 'Năm phải là số.' }).int('Năm phải là số nguyên.').min(1850, 'Năm phải từ 1850.').max(2200, 'Năm không hợp lệ.');

export const NewBookInput = z
  .object({
    registerType: z.string().trim().min(1, 'Cần chọn loại sổ (KS, KT, KH, CMC, HN…).'),
    templateId: z.string().trim().optional(),
    authority: z.string().trim().min(2, 'Cần ghi cơ quan đăng ký như trong sổ.').max(300),
    /** The unit of the authority when the text alone is ambiguous (an id as the units API gives it). */
    authorityUnitId: z.string().trim().min(3).max(100).optional(),
    yearFrom: year,
    yearTo: year.optional(),
    volumeNo: z.string().trim().max(50).default(''),
    openedOn: partialDate.optional(),
    closedOn: partialDate.optional(),
    pageCount: z.coerce.number().int().min(0, 'Số trang không được âm.').max(5000).optional(),
    declaredEventCount: z.coerce.number().int().min(0, 'Số sự kiện không được âm.').max(100000).optional(),
    condition: z.enum(BOOK_CONDITIONS, { message: 'Tình trạng phải là: good, damaged, partly_illegible, missing_pages.' }).default('good'),
    custody: z.string().trim().max(300).default(''),
    notes: z.string().max(5000).default(''),
    /** A copy book (sổ lưu tại UBND huyện / bản sao): may share the identity of another book. */
    isCopy: z.boolean({ message: 'isCopy phải là true hoặc false.' }).default(false),
  })
  .refine((b) => b.yearTo === undefined || b.yearTo >= b.yearFrom, { message: 'Năm kết thúc không được trước năm bắt đầu.', path: ['yearTo'] });
export type NewBookInput = z.infer<typeof NewBookInput>;

export const BookPatch = z.object({
  authority: z.string().trim().min(2).max(300).optional(),
  authorityUnitId: z.string().trim().min(3).max(100).optional(),
  volumeNo: z.string().trim().max(50).optional(),
  openedOn: partialDate.nullable().optional(),
  closedOn: partialDate.nullable().optional(),
  pageCount: z.coerce.number().int().min(0).max(5000).nullable().optional(),
  declaredEventCount: z.coerce.number().int().min(0).max(100000).nullable().optional(),
  condition: z.enum(BOOK_CONDITIONS).optional(),
  custody: z.string().trim().max(300).optional(),
  notes: z.string().max(5000).optional(),
});
export type BookPatch = z.infer<typeof BookPatch>;

export const PageOrderInput = z.object({ pageIds: z.array(z.uuid('Mã trang không hợp lệ.')).min(1) });
export const PageStatusInput = z.object({ status: z.enum(PAGE_STATUSES, { message: 'Trạng thái trang phải là present, missing hoặc blank.' }), note: z.string().max(1000).optional() });
export const MissingPageInput = z.object({ afterSeq: z.coerce.number().int().min(0), note: z.string().max(1000).default('') });
export const IdParams = z.object({ id: z.uuid('Mã không hợp lệ.') });
export const PageParams = z.object({ id: z.uuid('Mã sổ không hợp lệ.'), pageId: z.uuid('Mã trang không hợp lệ.') });

/** Filters and page of the book list (GET /api/books, `hotich books list`). `unit` is a unit id as the API shows it or a GSO code. */
export const BookListQuery = z.object({
  unit: z.string().trim().min(1).max(100).optional(),
  type: z.string().trim().min(1).max(20).optional(),
  year: year.optional(),
  status: z
    .string()
    .trim()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, 'Trạng thái sổ không hợp lệ (ví dụ: keying hoặc keying,keyed).')
    .optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.uuid('Con trỏ trang không hợp lệ.').optional(),
  limit: z.coerce.number().int().min(1, 'Số dòng mỗi trang từ 1 đến 200.').max(200, 'Số dòng mỗi trang từ 1 đến 200.').default(50),
});
export type BookListQuery = z.infer<typeof BookListQuery>;
