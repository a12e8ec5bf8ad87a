/** The errors of records every part of entry may throw. */
import { Conflict, NotFound } from '../core/index.js';

export const recordNotFound = (id: string) => new NotFound('record.not_found', `Không tìm thấy bản ghi ${id}.`);

export const txReused = (clientTxId: string) => new Conflict('record.client_tx_reused', `Mã giao dịch ${clientTxId} đã được dùng cho một việc khác; hãy tạo mã mới cho mỗi lần lưu.`);
