// A real SMTP server inside the test process: the worker delivers over SMTP exactly as in production, and
// tests read what arrived (parsed with mailparser), e.g. to follow the link of a verification mail.
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients, lower-cased. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string | undefined;
}

export interface TestSmtp {
  /** For SMTP_URL. */
  url: string;
  mails: ReceivedMail[];
  mailsTo(to: string): ReceivedMail[];
  /** Resolves with the first mail to `to` whose subject matches (and that is not in `except`), or times out. */
  waitForMail(to: string, subject: RegExp, options?: { timeoutMs?: number; except?: ReceivedMail[] }): Promise<ReceivedMail>;
  close(): Promise<void>;
}

const addressesOf = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((group) => group.value.map((a) => a.address ?? ''));

export async function startSmtpServer(): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: addressesOf(parsed.from)[0] ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            messageId: parsed.messageId,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;

  const mailsTo = (to: string) => mails.filter((m) => m.to.includes(to.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    mailsTo,
    async waitForMail(to, subject, options = {}) {
      const deadline = Date.now() + (options.timeoutMs ?? 10_000);
      for (;;) {
        const found = mailsTo(to).find((m) => subject.test(m.subject) && !options.except?.includes(m));
        if (found) return found;
        if (Date.now() > deadline) {
          throw new Error(`no mail to ${to} matching ${subject}; got: ${JSON.stringify(mails.map((m) => [m.to, m.subject]))}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the first link to `path` (e.g. `/verify-email`) in the text part of a mail. */
export function tokenFromLink(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`${path.replace(/[/.]/g, '\\$&')}\\?token=([A-Za-z0-9_%-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in mail "${mail.subject}":\n${mail.text}`);
  return decodeURIComponent(match[1]);
}
