// Every e-mail the platform sends, text and HTML, in one place. Values from the payload are HTML-escaped in the
// HTML part; links are built here from WEB_APP_URL, so a payload carries tokens and ids, never URLs.
import type { NotificationResourceType } from '@app/contracts';
import type { EmailTemplate } from '@app/jobs';
import { notificationWebPathOf } from '@app/notifications';

export interface MailContext {
  productName: string;
  webAppUrl: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Security mail is always sent: it is how an owner learns that someone is acting on their account. */
export const SECURITY_TEMPLATES: ReadonlySet<EmailTemplate> = new Set([
  'verify-email',
  'account-exists',
  'password-reset',
  'password-changed',
  'account-locked',
  'new-device-login',
]);

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A paragraph of text, or a link to show as a button, or a line of facts. */
type Block = { p: string } | { link: string; label: string } | { facts: Array<[string, string]> };

interface MailContent {
  subject: string;
  greeting: string;
  blocks: Block[];
}

function link(context: MailContext, path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, context.webAppUrl.endsWith('/') ? context.webAppUrl : `${context.webAppUrl}/`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

function content(template: EmailTemplate, params: Record<string, string>, context: MailContext): MailContent {
  const product = context.productName;
  const greeting = params.name ? `Hello ${params.name},` : 'Hello,';
  const signIn = link(context, 'sign-in');
  const resetPage = link(context, 'forgot-password');
  switch (template) {
    case 'verify-email':
      return {
        subject: `Confirm your e-mail address for ${product}`,
        greeting,
        blocks: [
          { p: `Thank you for signing up to ${product}. Please confirm your e-mail address; the link works once and for 24 hours.` },
          { link: link(context, 'verify-email', { token: params.token }), label: 'Confirm my e-mail address' },
          { p: 'If you did not sign up, ignore this message: no account is used without a confirmed address.' },
        ],
      };
    case 'account-exists':
      return {
        subject: `Someone tried to sign up to ${product} with your address`,
        greeting,
        blocks: [
          {
            p: `Someone (perhaps you) tried to create a ${product} account with this e-mail address, which already has an account. No new account was created.`,
          },
          { link: signIn, label: 'Sign in' },
          { p: 'Forgot your password? You can choose a new one:' },
          { link: resetPage, label: 'Reset my password' },
          { p: 'If this was not you, you can ignore this message.' },
        ],
      };
    case 'password-reset':
      return {
        subject: `Reset your ${product} password`,
        greeting,
        blocks: [
          { p: 'We received a request to reset your password. The link works once and for 1 hour; using it signs you out everywhere.' },
          { link: link(context, 'reset-password', { token: params.token }), label: 'Choose a new password' },
          { p: 'If you did not ask for this, ignore this message: your password stays as it is.' },
        ],
      };
    case 'password-changed':
      return {
        subject: `Your ${product} password was changed`,
        greeting,
        blocks: [
          { p: 'The password of your account was just changed, and your other sessions were signed out.' },
          ...(params.time ? [{ facts: [['When', params.time]] as Array<[string, string]> }] : []),
          { p: 'If this was not you, reset your password at once and contact us:' },
          { link: resetPage, label: 'Reset my password' },
        ],
      };
    case 'account-locked':
      return {
        subject: `Sign-in to your ${product} account was paused`,
        greeting,
        blocks: [
          {
            p: `There were several failed attempts to sign in to your account, so sign-in is paused${params.minutes ? ` for ${params.minutes} minute(s)` : ' for a few minutes'}. Your password still works afterwards.`,
          },
          { p: 'If these attempts were not yours, consider choosing a new, unique password and enabling two-factor sign-in:' },
          { link: resetPage, label: 'Reset my password' },
        ],
      };
    case 'new-device-login':
      return {
        subject: `New sign-in to your ${product} account`,
        greeting,
        blocks: [
          { p: 'Your account was just signed in to from a device or address we had not seen before.' },
          {
            facts: [
              ['Device', params.device ?? 'unknown'],
              ['Address', params.ip ?? 'unknown'],
              ['When', params.time ?? 'just now'],
            ],
          },
          { p: 'If this was you, there is nothing to do. If not, reset your password: that signs out every session.' },
          { link: resetPage, label: 'Reset my password' },
        ],
      };
    case 'data-export-ready':
      return {
        subject: `Your ${product} data export is ready`,
        greeting,
        blocks: [
          {
            p: `The copy of your data you asked for is ready${params.expiresAt ? ` and can be downloaded until ${params.expiresAt}` : ' and can be downloaded for 7 days'}.`,
          },
          { link: link(context, `account/data-exports/${encodeURIComponent(params.jobId)}`), label: 'Download my data' },
        ],
      };
    case 'staff-invitation': {
      const rescue = params.rescueName ?? 'a rescue';
      const role = params.role ?? 'member';
      return {
        subject: `You are invited to join ${rescue} on ${product}`,
        greeting,
        blocks: [
          {
            p: `${params.inviterName ? `${params.inviterName} has invited you` : 'You have been invited'} to join ${rescue} on ${product} as ${role === 'admin' ? 'an admin' : `a ${role}`}.`,
          },
          { p: 'Sign in (or create an account) with this e-mail address, then accept the invitation; the link works once and for 7 days.' },
          { link: link(context, 'rescue-invitation', { token: params.token }), label: 'Accept the invitation' },
          { p: 'If you did not expect this invitation, ignore this message.' },
        ],
      };
    }
  }
}

export function renderEmail(template: EmailTemplate, params: Record<string, string>, context: MailContext): RenderedMail {
  return layout(content(template, params, context), context);
}

/** What a notification e-mail says: the notification itself and who it is for. */
export interface NotificationMail {
  title: string;
  body: string;
  resourceType: NotificationResourceType;
  resourceId: string;
  recipientName: string;
}

const RESOURCE_LINK_LABEL: Record<NotificationResourceType, string> = {
  application: 'View the application',
  pet: 'See the pet',
};

/** The e-mail of an in-app notification: its text, a link to the record in the web app, and where to opt out. */
export function renderNotificationEmail(notification: NotificationMail, context: MailContext): RenderedMail {
  return layout(
    {
      subject: `${notification.title} — ${context.productName}`,
      greeting: `Hello ${notification.recipientName},`,
      blocks: [
        { p: notification.body },
        {
          link: link(context, notificationWebPathOf(notification.resourceType, notification.resourceId)),
          label: RESOURCE_LINK_LABEL[notification.resourceType],
        },
        { p: 'You can choose which notifications reach you by e-mail, and set quiet hours, in your notification settings:' },
        { link: link(context, 'account/notifications'), label: 'Notification settings' },
      ],
    },
    context,
  );
}

function layout(mail: MailContent, context: MailContext): RenderedMail {
  const footer = `— ${context.productName}`;

  const text = [
    mail.greeting,
    '',
    ...mail.blocks.flatMap((block) => {
      if ('p' in block) return [block.p, ''];
      if ('link' in block) return [`${block.label}: ${block.link}`, ''];
      return [...block.facts.map(([k, v]) => `${k}: ${v}`), ''];
    }),
    footer,
    '',
  ].join('\n');

  const html = [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(mail.subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #222;">',
    `<p>${escapeHtml(mail.greeting)}</p>`,
    ...mail.blocks.map((block) => {
      if ('p' in block) return `<p>${escapeHtml(block.p)}</p>`;
      if ('link' in block) return `<p><a href="${escapeHtml(block.link)}">${escapeHtml(block.label)}</a></p>`;
      return `<p>${block.facts.map(([k, v]) => `<strong>${escapeHtml(k)}:</strong> ${escapeHtml(v)}`).join('<br>')}</p>`;
    }),
    `<p>${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');

  return { subject: mail.subject, text, html };
}
