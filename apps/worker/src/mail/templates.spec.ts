import { EMAIL_TEMPLATES } from '@app/jobs';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderEmail, renderNotificationEmail, SECURITY_TEMPLATES } from './templates';

const context = { productName: 'Pets & Co', webAppUrl: 'https://app.example.org/base' };
const hostile = '<script>alert("x")</script>';

describe('e-mail templates', () => {
  it.each(EMAIL_TEMPLATES)('renders %s as text and HTML, escaping every interpolated value', (template) => {
    const params = { token: 'tok/en+1', jobId: 'job-1', name: hostile, device: hostile, ip: hostile, time: hostile, minutes: '2', expiresAt: hostile };
    const mail = renderEmail(template, params, context);
    expect(mail.subject).toContain('Pets & Co');
    expect(mail.text.length).toBeGreaterThan(50);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Pets &amp; Co');
    if (template !== 'account-exists') expect(mail.text + mail.html).not.toContain('undefined');
  });

  it('builds links from WEB_APP_URL with the token encoded', () => {
    expect(renderEmail('verify-email', { token: 'a+b/c' }, context).text).toContain('https://app.example.org/base/verify-email?token=a%2Bb%2Fc');
    expect(renderEmail('password-reset', { token: 'xyz' }, context).html).toContain('href="https://app.example.org/base/reset-password?token=xyz"');
    expect(renderEmail('data-export-ready', { jobId: 'j1' }, context).text).toContain('https://app.example.org/base/account/data-exports/j1');
  });

  it('names the security mail that preferences never silence', () => {
    expect([...SECURITY_TEMPLATES].sort()).toEqual([
      'account-exists',
      'account-locked',
      'new-device-login',
      'password-changed',
      'password-reset',
      'verify-email',
    ]);
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('renders a notification e-mail: its title and body escaped, a link to the record and to the settings under WEB_APP_URL', () => {
    const notification = {
      title: `New message ${hostile}`,
      body: `Ada wrote: ${hostile}`,
      resourceType: 'application' as const,
      resourceId: 'a1/../b',
      recipientName: hostile,
    };
    const mail = renderNotificationEmail(notification, context);
    expect(mail.subject).toBe(`New message ${hostile} — Pets & Co`);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Ada wrote: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.text).toContain(`Ada wrote: ${hostile}`);
    expect(mail.text).toContain('View the application: https://app.example.org/base/applications/a1%2F..%2Fb');
    expect(mail.html).toContain('href="https://app.example.org/base/account/notifications"');
    expect(renderNotificationEmail({ ...notification, resourceType: 'pet', resourceId: 'p1' }, context).text).toContain(
      'See the pet: https://app.example.org/base/pets/p1',
    );
  });
});
