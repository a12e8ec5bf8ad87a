/**
 * Sending one e-mail over SMTP (nodemailer) with the installation's mail
 * configuration. Callers send from a job, never inside a request: a thrown
 * error lets the job runner retry with backoff and record the failure.
 */
import nodemailer from 'nodemailer';
import type { MailConfig } from './config.js';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
}

/** Sends the message; rejects when the server refuses it or any recipient. Returns the server's message id. */
export async function sendMail(config: MailConfig, msg: MailMessage): Promise<{ messageId: string; accepted: string[] }> {
  const transport = nodemailer.createTransport(config.smtpUrl);
  try {
    const info = await transport.sendMail({ from: config.from, to: msg.to, subject: msg.subject, text: msg.text });
    const accepted = info.accepted.map(String);
    if (info.rejected.length > 0) throw new Error(`SMTP refused ${info.rejected.map(String).join(', ')}`);
    return { messageId: info.messageId, accepted };
  } finally {
    transport.close();
  }
}
