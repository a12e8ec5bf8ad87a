/** Whether reminders can also be sent by e-mail on this installation (HOTICH_SMTP_URL), and the Vietnamese note when not. */
import type { AppContext } from '../core/index.js';

export const MAIL_NOT_CONFIGURED = 'Chưa cấu hình máy chủ thư (HOTICH_SMTP_URL): nhắc việc chỉ hiển thị trong ứng dụng, không gửi e-mail.';

export const mailStatus = (ctx: AppContext): { configured: boolean; message?: string } => (ctx.config.mail ? { configured: true } : { configured: false, message: MAIL_NOT_CONFIGURED });
