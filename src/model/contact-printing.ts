import type { Contact, ContactWebhooks } from './contact.js';
import { definePrintedForm, maskSecret, maskWebhookUrl } from '../util/redaction.js';

/**
 * Makes the webhooks of a contact print masked (`SEC***`, `access_token=abc***`) in
 * `util.inspect`, `console.log` and `JSON.stringify`, while `contact.webhooks.dingtalk.secret`
 * still reads the real value. Returns the same contact.
 */
export function maskContactSecrets<C extends Contact<object>>(contact: C): C {
  const webhooks = contact.webhooks;
  if (webhooks !== undefined) {
    for (const kind of Object.keys(webhooks) as Array<keyof ContactWebhooks>) {
      const hook = webhooks[kind];
      if (hook !== undefined) definePrintedForm(hook, () => maskedHook(hook));
    }
  }
  return contact;
}

function maskedHook(hook: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...hook };
  if (typeof out['url'] === 'string') out['url'] = maskWebhookUrl(out['url']);
  for (const key of ['secret', 'token'] as const) {
    if (typeof out[key] === 'string') out[key] = maskSecret(out[key]);
  }
  return out;
}
